-- planlab fuzz case
-- suite: tpcds
-- seed: 7305629063182674398
-- combos: exhaustive/calcite/dop4, exhaustive/pg/dop1
-- tlp: x.c0 IN (SELECT t1.cc_closed_date_sk FROM call_center AS t1 WHERE t1.cc_call_center_id = x.c2)
-- found: crash (exhaustive/calcite/dop4 partitioned), found by the 10,000-query campaign on 0f38483 (--seed 20261133, at about 5,500 queries): "There are not enough rules to produce a node with desired properties: convention=ENUMERABLE, sort=[]". Decorrelating the NOT IN partition made a logical Project of CAST(c2) over ORDER BY c0, c2 LIMIT 1, which Calcite takes as sorted and its Enumerable form (ProjectionCollations) does not; fixed by LogicalCollations
SELECT t0.hd_demo_sk AS c0, t0.hd_demo_sk AS c1, t0.hd_buy_potential AS c2, t0.hd_demo_sk AS c3 FROM household_demographics AS t0 ORDER BY c0, c1, c2, c3 LIMIT 1
