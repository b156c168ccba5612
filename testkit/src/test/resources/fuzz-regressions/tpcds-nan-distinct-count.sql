-- planlab fuzz case
-- suite: tpcds
-- seed: 8760148179565004252
-- combos: two-phase/pg/dop1, calcite-default/calcite/dop4
-- tlp: x.c0 = 2450816
-- found: crash (calcite-default/calcite/dop4): planning threw AssertionError at org.apache.calcite.rel.metadata.RelMdUtil.addEpsilon(RelMdUtil.java:685)
SELECT t0.ws_sold_date_sk AS c0 FROM web_sales AS t0 INNER JOIN item AS t1 ON t0.ws_item_sk = t1.i_item_sk INNER JOIN call_center AS t2 ON t1.i_item_desc = t2.cc_call_center_id AND t2.cc_call_center_id <> 'A'
