-- planlab fuzz case
-- suite: tpcds
-- seed: 6369521831517702665
-- combos: exhaustive/pg/dop4, calcite-default/pg/dop4
-- tlp: x.c0 IN (SELECT t1.cc_rec_start_date FROM call_center AS t1 WHERE t1.cc_rec_start_date = x.c2)
-- found: crash (exhaustive/pg/dop4): optimize: index out of range: 1
SELECT t0.cc_rec_start_date AS c0, COUNT(*) AS c1, MIN(t0.cc_rec_start_date) AS c2 FROM call_center AS t0 GROUP BY t0.cc_rec_start_date
