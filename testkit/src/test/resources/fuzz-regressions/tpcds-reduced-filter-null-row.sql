-- planlab fuzz case
-- suite: tpcds
-- seed: -1866209062264563673
-- combos: two-phase/pg/dop4, cheap-only/calcite/dop4
-- tlp: CASE WHEN x.c0 = 2450816 THEN (x.c0 + 1) ELSE 0 END = 0
-- found: partitioning (two-phase/pg/dop4): two-phase/pg/dop4 returned 73049 rows, partitioned by CASE WHEN x.c0 = 2450816 THEN (x.c0 + 1) ELSE 0 END = 0 0; 1 rows only in two-phase/pg/dop4, 0 only in partitioned by CASE WHEN x.c0 = 2450816 THEN (x.c0 + 1) ELSE 0 END = 0
-- found:   - 2451067  (73049x) (Calcite's FILTER_REDUCE_EXPRESSIONS reduced the partition predicate on COALESCE(cr_returned_date_sk, 2451067) to one unknown for a NULL key, so the RIGHT JOIN became inner; found by the 10,000-query campaign on the final code)
SELECT COALESCE(t0.cr_returned_date_sk, 2451067) AS c0 FROM catalog_returns AS t0 INNER JOIN date_dim AS t1 ON t0.cr_returned_date_sk = t1.d_date_sk INNER JOIN call_center AS t2 ON t0.cr_returned_date_sk = t2.cc_call_center_sk INNER JOIN date_dim AS t3 ON t0.cr_returned_date_sk = t3.d_date_sk RIGHT JOIN date_dim AS t4 ON t0.cr_returned_date_sk = t4.d_date_sk
