-- planlab fuzz case
-- suite: tpcds
-- seed: -4699952565473772545
-- combos: exhaustive/calcite/dop4, cheap-only/pg/dop4
-- tlp: x.c1 BETWEEN 125 AND 875
-- found: partitioning (two-phase/calcite/dop4): two-phase/calcite/dop4 returned 1 rows, partitioned by x.c1 BETWEEN 125 AND 875 0; 1 rows only in two-phase/calcite/dop4, 0 only in partitioned by x.c1 BETWEEN 125 AND 875
-- found: (shrunk by hand from the campaign's 4-table join; ws_item_sk is never NULL, so the join is empty)
SELECT COUNT(t1.ws_warehouse_sk) AS c1, COUNT(DISTINCT t2.cd_education_status) AS c2 FROM web_sales AS t1 INNER JOIN customer_demographics AS t2 ON t1.ws_ship_cdemo_sk = t2.cd_demo_sk AND t1.ws_item_sk IS NULL
