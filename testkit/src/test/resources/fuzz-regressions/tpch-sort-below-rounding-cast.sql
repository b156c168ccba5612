-- planlab fuzz case
-- suite: tpch
-- seed: 8407622992596302354
-- combos: two-phase/pg/dop1, exhaustive/calcite/dop4
-- tlp: x.c0 = 1
-- found: mismatch (exhaustive/calcite/dop4): two-phase/pg/dop1 returned 1 rows, exhaustive/calcite/dop4 1; 1 rows only in two-phase/pg/dop1, 1 only in exhaustive/calcite/dop4
-- found:   - 1 | 219
-- found:   + 1 | 763 (Calcite moved ORDER BY c0, c1 LIMIT 1 below the UNION branch's rounding CAST(ps_supplycost AS DECIMAL(19, 0)), sorting by the uncast decimal; found by the 10,000-query campaign on the final code)
SELECT * FROM (SELECT t0.p_partkey AS c0, t0.p_retailprice AS c1 FROM part AS t0 INNER JOIN partsupp AS t1 ON t0.p_partkey = t1.ps_partkey WHERE t0.p_partkey = (SELECT MAX(t2.ps_partkey) FROM partsupp AS t2 WHERE t2.ps_partkey = 1) UNION ALL SELECT t3.ps_supplycost AS c0, t3.ps_partkey AS c1 FROM partsupp AS t3) AS u4 ORDER BY c0, c1 LIMIT 1
