-- planlab fuzz case
-- suite: tpcds
-- seed: 4677438953229144591
-- combos: calcite-default/calcite/dop1, two-phase/pg/dop1
-- tlp: x.cc_call_center_sk = 1
-- found: mismatch (calcite-default): 1 row under planlab's configurations, 0 under calcite-default (Calcite's semi-join rules joined the empty input of the COUNT(*) sub-query removal adds)
SELECT cc_call_center_sk FROM call_center WHERE (cc_call_center_sk IN (SELECT cr_refunded_customer_sk FROM catalog_returns WHERE CASE WHEN cr_returned_date_sk IS NULL THEN cr_returned_date_sk ELSE 2451067 END = 2450816) OR cc_call_center_sk = 1)
