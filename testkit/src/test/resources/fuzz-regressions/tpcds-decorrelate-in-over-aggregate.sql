-- planlab fuzz case
-- suite: tpcds
-- seed: 4596251657238718397
-- combos: calcite-default/pg/dop4, two-phase/calcite/dop4
-- tlp: x.c2 IN (SELECT t6.cc_call_center_sk FROM call_center AS t6 WHERE t6.cc_call_center_sk = x.c2)
-- found: crash (calcite-default/pg/dop4): optimize: index out of range: 0
SELECT t0.cc_call_center_sk AS c0, t0.cc_call_center_sk AS c1, SUM(t0.cc_open_date_sk) AS c2 FROM call_center AS t0 INNER JOIN date_dim AS t1 ON t0.cc_closed_date_sk = t1.d_date_sk INNER JOIN date_dim AS t2 ON t0.cc_closed_date_sk = t2.d_date_sk INNER JOIN date_dim AS t3 ON t0.cc_closed_date_sk = t3.d_date_sk INNER JOIN date_dim AS t4 ON t0.cc_closed_date_sk = t4.d_date_sk INNER JOIN date_dim AS t5 ON t0.cc_closed_date_sk = t5.d_date_sk GROUP BY t0.cc_call_center_sk, t0.cc_call_center_sk
