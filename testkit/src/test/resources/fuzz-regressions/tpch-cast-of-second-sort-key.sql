-- planlab fuzz case
-- suite: tpch
-- seed: 0
-- combos: calcite-default/calcite/dop1, two-phase/calcite/dop1
-- tlp: x.r = 1
-- found: mismatch (calcite-default/calcite/dop1): the outer ORDER BY r was dropped, since Calcite's RelMdCollation took CAST(n_regionkey) as sorted over rows sorted by (n_nationkey, n_regionkey); written by hand from the cause of the 10,000-query campaign's sort-below-rounding-cast finding
SELECT * FROM (SELECT CAST(n_regionkey AS DECIMAL(12, 1)) AS r FROM (SELECT n_nationkey, n_regionkey FROM nation ORDER BY n_nationkey, n_regionkey LIMIT 10) AS t ORDER BY 1 LIMIT 3) AS x ORDER BY r
