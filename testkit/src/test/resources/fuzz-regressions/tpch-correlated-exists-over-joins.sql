-- planlab fuzz case
-- suite: tpch
-- seed: 48
-- combos: cheap-only/calcite/dop1, two-phase/pg/dop4
-- tlp: x.c0 > 2
-- found: crash (cheap-only/calcite/dop1): convert: ArrayIndexOutOfBoundsException (Calcite's RelFieldTrimmer on a filter whose correlated subquery reads a join's fields)
SELECT t0.r_regionkey AS c0 FROM region AS t0 INNER JOIN nation AS t1 ON t0.r_regionkey = t1.n_regionkey CROSS JOIN region AS t2 INNER JOIN nation AS t3 ON t0.r_regionkey = t3.n_regionkey INNER JOIN nation AS t4 ON t0.r_regionkey = t4.n_regionkey WHERE EXISTS (SELECT 1 FROM nation AS t5 WHERE t0.r_regionkey = t5.n_regionkey)
