-- planlab fuzz case
-- suite: tpcds
-- seed: 5458330185934853259
-- combos: cheap-only/calcite/dop4, two-phase/pg/dop4
-- tlp: x.c0 = 1
-- found: partitioning (cheap-only/calcite/dop4): cheap-only/calcite/dop4 returned 1000 rows, partitioned by x.c0 = 1 1026; 0 rows only in cheap-only/calcite/dop4, 1 only in partitioned by x.c0 = 1
-- found:   + 1  (26x)
SELECT COALESCE(t0.c_current_cdemo_sk, 1) AS c0 FROM customer AS t0 WHERE t0.c_customer_id LIKE '_%'
