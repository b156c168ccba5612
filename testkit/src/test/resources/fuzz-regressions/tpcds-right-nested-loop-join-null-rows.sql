-- planlab fuzz case
-- suite: tpcds
-- seed: -3491068090909234424
-- combos: cheap-only/calcite/dop1, calcite-default/calcite/dop1
-- tlp: x.c0 = 1
-- found: mismatch (calcite-default/calcite/dop1): cheap-only/calcite/dop1 returned 1 rows, calcite-default/calcite/dop1 2; 0 rows only in cheap-only/calcite/dop1, 1 only in calcite-default/calcite/dop1
-- found:   + null
-- found: (shrunk from a 15-table query found under exhaustive/pg/dop1 and calcite-default/pg/dop4; 2 rows is right)
SELECT t0.cc_call_center_sk AS c0 FROM call_center AS t0 INNER JOIN date_dim AS t1 ON t0.cc_closed_date_sk = t1.d_date_sk INNER JOIN date_dim AS t2 ON t0.cc_closed_date_sk = t2.d_date_sk INNER JOIN call_center AS t3 ON t0.cc_call_center_sk = t3.cc_call_center_sk INNER JOIN date_dim AS t4 ON t0.cc_closed_date_sk = t4.d_date_sk INNER JOIN call_center AS t5 ON t0.cc_call_center_sk = t5.cc_call_center_sk INNER JOIN date_dim AS t6 ON t0.cc_closed_date_sk = t6.d_date_sk RIGHT JOIN call_center AS t7 ON t0.cc_call_center_sk < t7.cc_closed_date_sk
