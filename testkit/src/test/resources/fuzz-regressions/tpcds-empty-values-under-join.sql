-- planlab fuzz case
-- suite: tpcds
-- seed: 1667141751114476303
-- combos: exhaustive/calcite/dop4, exhaustive/pg/dop4
-- tlp: x.c0 = 'A'
-- found: crash (exhaustive/calcite/dop4): optimize: There are not enough rules to produce a node with desired properties: convention=ENUMERABLE, sort=[].
SELECT d1.c0 AS c0 FROM (SELECT t0.cc_call_center_id AS c0 FROM call_center AS t0 WHERE t0.cc_call_center_sk IS NULL) AS d1 INNER JOIN call_center AS t2 ON d1.c0 = t2.cc_call_center_id
