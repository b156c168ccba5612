-- planlab fuzz case
-- suite: tpch
-- seed: 7411125998914335694
-- combos: cheap-only/calcite/dop1, two-phase/calcite/dop4
-- tlp: EXISTS (SELECT 1 FROM region AS t3 WHERE t3.r_regionkey = x.c0)
-- found: partitioning (cheap-only/calcite/dop1): cheap-only/calcite/dop1 returned 0 rows, partitioned by EXISTS (SELECT 1 FROM region AS t3 WHERE t3.r_regionkey = x.c0) 1; 0 rows only in cheap-only/calcite/dop1, 1 only in partitioned by EXISTS (SELECT 1 FROM region AS t3 WHERE t3.r_regionkey = x.c0)
-- found:   + 0 | 0 (Calcite's decorrelator dropped the Aggregate's only group key, a constant, making it a grand total; found by the 10,000-query campaign on the final code)
SELECT CASE WHEN t0.n_nationkey IS NULL THEN t0.n_nationkey ELSE 0 END AS c0, COUNT(*) AS c1 FROM nation AS t0 INNER JOIN region AS t1 ON t0.n_regionkey = t1.r_regionkey INNER JOIN region AS t2 ON t0.n_regionkey = t2.r_regionkey WHERE CASE WHEN t0.n_nationkey = 0 THEN t0.n_nationkey ELSE 0 END = 3 GROUP BY CASE WHEN t0.n_nationkey IS NULL THEN t0.n_nationkey ELSE 0 END
