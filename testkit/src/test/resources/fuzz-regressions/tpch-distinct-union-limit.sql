-- planlab fuzz case
-- suite: tpch
-- seed: -2002394944846848818
-- combos: exhaustive/calcite/dop1, calcite-default/pg/dop1
-- tlp: x.c0 = 0
-- found: mismatch (calcite-default/pg/dop1): exhaustive/calcite/dop1 returned 2 rows, calcite-default/pg/dop1 5; 0 rows only in exhaustive/calcite/dop1, 3 only in calcite-default/pg/dop1
-- found:   + 1 | 1 | 1 | AMERICA                  
-- found:   + 1 | 1 | 1 | hs use ironic, even requests. s
-- found:   + 2 | 2 | 2 | ASIA                     
SELECT * FROM (SELECT t0.r_regionkey AS c0, t0.r_regionkey AS c1, t0.r_regionkey AS c2, t0.r_comment AS c3 FROM region AS t0 INNER JOIN nation AS t1 ON t0.r_regionkey = t1.n_regionkey INNER JOIN nation AS t2 ON t0.r_regionkey = t2.n_regionkey UNION SELECT t3.r_regionkey AS c0, t3.r_regionkey AS c1, t3.r_regionkey AS c2, t3.r_name AS c3 FROM region AS t3 INNER JOIN nation AS t4 ON t3.r_regionkey = t4.n_regionkey) AS u5 ORDER BY c0, c1, c2, c3 LIMIT 5
