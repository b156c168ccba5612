-- planlab fuzz case
-- suite: tpch
-- seed: -322644048565551422
-- combos: calcite-default/calcite/dop1, two-phase/calcite/dop1
-- tlp: (SELECT COUNT(*) FROM region AS t12 WHERE t12.r_regionkey = x.c1) = 0
-- found: crash (calcite-default/calcite/dop1): optimize: index out of range: 0
SELECT t0.r_regionkey AS c0, SUM(t0.r_regionkey) AS c1 FROM region AS t0 INNER JOIN nation AS t1 ON t0.r_regionkey = t1.n_regionkey INNER JOIN nation AS t2 ON t0.r_regionkey = t2.n_regionkey INNER JOIN region AS t3 ON t0.r_regionkey = t3.r_regionkey INNER JOIN region AS t4 ON t0.r_regionkey = t4.r_regionkey INNER JOIN nation AS t5 ON t0.r_regionkey = t5.n_regionkey INNER JOIN nation AS t6 ON t0.r_regionkey = t6.n_regionkey INNER JOIN nation AS t7 ON t0.r_regionkey = t7.n_regionkey RIGHT JOIN region AS t8 ON t1.n_regionkey = t8.r_regionkey INNER JOIN region AS t9 ON t1.n_regionkey = t9.r_regionkey INNER JOIN region AS t10 ON t1.n_regionkey = t10.r_regionkey INNER JOIN region AS t11 ON t1.n_regionkey = t11.r_regionkey GROUP BY t0.r_regionkey
