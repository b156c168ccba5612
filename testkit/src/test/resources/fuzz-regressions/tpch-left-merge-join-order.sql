-- planlab fuzz case
-- suite: tpch
-- seed: 3
-- combos: two-phase/calcite/dop4, cheap-only/pg/dop1
-- tlp: x.c0 > 50
-- found: mismatch (two-phase/calcite/dop4 phase 1): two-phase/calcite/dop4 returned 0 rows, phase 1 38800 (a merge join over a LEFT merge join's NULL-extended key)
SELECT t0.s_suppkey AS c0 FROM supplier AS t0 LEFT JOIN nation AS t1 ON t0.s_nationkey = t1.n_nationkey AND t1.n_nationkey > 0 INNER JOIN supplier AS t2 ON t1.n_nationkey = t2.s_nationkey INNER JOIN partsupp AS t3 ON t0.s_suppkey = t3.ps_suppkey
