-- planlab fuzz case
-- suite: tpcds
-- seed: 9174994326655190237
-- combos: calcite-default/pg/dop4, two-phase/calcite/dop1
-- tlp: x.c0 = 1
-- found: crash (calcite-default/pg/dop4): execution threw IllegalStateException: Unable to implement RowCounting(slot=[0]): rowcount = 73049.0, cumulative cost = {6848.052500000001 total, 584392.0 rows, 5296.052500000001 cpu, 1552.0 io}, id = 19405038 at org.apache.calcite.adapter.enumerable.EnumerableRelImplementor.implementRoot(EnumerableRelImplementor.java:117)
SELECT t0.cc_call_center_sk AS c0, t0.cc_call_center_sk AS c1, t0.cc_call_center_sk AS c2, t0.cc_call_center_sk AS c3, MAX(t0.cc_call_center_sk) OVER (PARTITION BY t0.cc_call_center_sk ORDER BY t0.cc_call_center_sk RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c4 FROM call_center AS t0 INNER JOIN date_dim AS t1 ON t0.cc_closed_date_sk = t1.d_date_sk INNER JOIN date_dim AS t2 ON t0.cc_closed_date_sk = t2.d_date_sk INNER JOIN date_dim AS t3 ON t0.cc_closed_date_sk = t3.d_date_sk AND t3.d_date_sk IS NULL INNER JOIN date_dim AS t4 ON t0.cc_closed_date_sk = t4.d_date_sk AND t4.d_date_sk = 2415022 INNER JOIN date_dim AS t5 ON t0.cc_closed_date_sk = t5.d_date_sk INNER JOIN date_dim AS t6 ON t0.cc_closed_date_sk = t6.d_date_sk RIGHT JOIN date_dim AS t7 ON t0.cc_closed_date_sk = t7.d_date_sk
