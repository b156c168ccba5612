-- planlab fuzz case
-- suite: tpcds
-- seed: 6888788252665697479
-- combos: cheap-only/calcite/dop4, two-phase/pg/dop1
-- tlp: x.c0 = 1
-- found: crash (cheap-only/calcite/dop4): optimize: There are not enough rules to produce a node with desired properties: convention=ENUMERABLE, sort=[0, 1 DESC].
SELECT t0.cc_call_center_sk AS c0, t0.cc_call_center_id AS c1 FROM call_center AS t0 INNER JOIN date_dim AS t1 ON t0.cc_closed_date_sk = t1.d_date_sk INNER JOIN date_dim AS t2 ON t0.cc_closed_date_sk = t2.d_date_sk INNER JOIN date_dim AS t3 ON t0.cc_closed_date_sk = t3.d_date_sk ORDER BY c0, c1 DESC LIMIT 0
