-- planlab fuzz case
-- suite: tpcds
-- seed: -7058705383815766990
-- combos: cheap-only/calcite/dop1, calcite-default/pg/dop1
-- tlp: x.c0 = 0
-- found: crash (cheap-only/calcite/dop1): convert: source #0 has no target in mapping [size=0, sourceCount=1, targetCount=1, elements=[]]
SELECT d2.c0 AS c0 FROM (SELECT COUNT(*) AS c0, COUNT(DISTINCT t0.cc_call_center_sk) AS c1 FROM call_center AS t0 WHERE EXISTS (SELECT 1 FROM date_dim AS t1 WHERE t0.cc_closed_date_sk = t1.d_date_sk)) AS d2
