-- planlab fuzz case
-- suite: tpcds
-- seed: -1229529404262452193
-- combos: calcite-default/pg/dop4, calcite-default/pg/dop1
-- tlp: x.c2 IN (SELECT t4.cc_call_center_sk FROM call_center AS t4)
-- found: crash (calcite-default/pg/dop4): wrong collation in left or right input (EnumerableMergeJoin, when executing)
SELECT COUNT(DISTINCT d1.c0) AS c0, COUNT(DISTINCT d1.c0) AS c1, COUNT(*) AS c2 FROM (SELECT t0.cc_call_center_sk AS c0 FROM call_center AS t0) AS d1 CROSS JOIN promotion AS t2 INNER JOIN date_dim AS t3 ON t2.p_start_date_sk = t3.d_date_sk WHERE d1.c0 IN (1, 1, 1, 1) ORDER BY c0, c1, c2 LIMIT 1
