-- planlab fuzz case
-- suite: tpcds
-- seed: 8436042552594219720
-- combos: cheap-only/pg/dop1, calcite-default/pg/dop4
-- tlp: x.c0 = 0
-- found: partitioning (cheap-only/pg/dop1): cheap-only/pg/dop1 returned 1 rows, partitioned by x.c0 = 0 0; 1 rows only in cheap-only/pg/dop1, 0 only in partitioned by x.c0 = 0
-- found: (shrunk by hand from the campaign's 11-table join; call_center has no closed date 5)
SELECT COUNT(*) AS c0 FROM call_center AS t0 WHERE t0.cc_closed_date_sk = 5 HAVING COUNT(DISTINCT t0.cc_call_center_sk) = 0
