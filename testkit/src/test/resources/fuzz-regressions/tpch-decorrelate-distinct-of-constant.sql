-- planlab fuzz case
-- suite: tpch
-- seed: -6050620149391045170
-- combos: cheap-only/pg/dop1, exhaustive/pg/dop1
-- tlp: x.c0 = 0
-- found: partitioning (cheap-only/pg/dop1): cheap-only/pg/dop1 returned 1 rows, partitioned by x.c0 = 0 0; 1 rows only in cheap-only/pg/dop1, 0 only in partitioned by x.c0 = 0
-- found:   - 0 (Calcite's decorrelator dropped the DISTINCT's only key, a constant, and RelBuilder replaced the Aggregate's input by one row, so the filter r_regionkey = (SELECT MAX ...), which no row passes, was lost; found by the 10,000-query campaign on the final code)
SELECT DISTINCT CASE WHEN t0.r_name BETWEEN 'MAIL' AND 'M' THEN t0.r_regionkey ELSE 0 END AS c0 FROM region AS t0 WHERE t0.r_regionkey = (SELECT MAX(t1.n_nationkey) FROM nation AS t1 WHERE CASE WHEN NOT EXISTS (SELECT 1 FROM region AS t2 WHERE t1.n_regionkey = t2.r_regionkey) THEN t1.n_nationkey ELSE 0 END = 0)
