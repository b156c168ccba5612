-- planlab fuzz case
-- suite: tpch
-- seed: 0 (not kept: the bounded campaign in mvn verify, tpch try 78)
-- combos: exhaustive/pg/dop1, cheap-only/pg/dop1
-- tlp: x.c1 = x.c0
-- found: crash (exhaustive/pg/dop1 partitioned): execution threw IllegalStateException: Trait index 1 has multiple values in this trait set (the executor's rewrites keeping a Calc's collations, found by the bounded campaign in mvn verify)
SELECT COUNT(*) AS c0, COUNT(*) AS c1, COUNT(DISTINCT t0.r_name) AS c2 FROM region AS t0 CROSS JOIN part AS t1 INNER JOIN region AS t2 ON t1.p_size <= t2.r_regionkey WHERE t1.p_brand IN (SELECT t3.n_name FROM nation AS t3)
