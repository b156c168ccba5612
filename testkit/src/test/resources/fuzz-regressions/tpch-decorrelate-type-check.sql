-- planlab fuzz case
-- suite: tpch
-- seed: 1934176395571802331
-- combos: exhaustive/pg/dop1, two-phase/calcite/dop4
-- tlp: (x.c0 = 0 AND EXISTS (SELECT 1 FROM region AS t1 WHERE t1.r_regionkey = x.c0))
-- found: crash (exhaustive/pg/dop1 partitioned): planning threw AssertionError: Decorrelation produced a relation with a different type; before: RecordType(BIGINT c0, BIGINT c1) after: RecordType(BIGINT c0, BIGINT c1) at org.apache.calcite.util.Litmus.lambda$static$0(Litmus.java:31)
SELECT CASE WHEN NOT (t0.r_regionkey IS NOT NULL) THEN t0.r_regionkey ELSE 0 END AS c0, SUM(t0.r_regionkey) AS c1 FROM region AS t0 WHERE t0.r_regionkey = 0 GROUP BY CASE WHEN NOT (t0.r_regionkey IS NOT NULL) THEN t0.r_regionkey ELSE 0 END
