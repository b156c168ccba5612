-- planlab fuzz case
-- suite: tpcds
-- seed: 3331749313072274803
-- combos: exhaustive/calcite/dop4, two-phase/pg/dop4
-- tlp: x.c0 = DATE '1995-01-01'
-- found: crash (two-phase/pg/dop4): parallel pass: EnumerableMergeUnion with no collation
SELECT * FROM (SELECT CASE WHEN (t0.cc_call_center_sk = 1 AND t0.cc_call_center_sk = 1) THEN t0.cc_rec_start_date ELSE DATE '1995-01-01' END AS c0, t0.cc_call_center_sk AS c1 FROM call_center AS t0 INNER JOIN date_dim AS t1 ON t0.cc_closed_date_sk = t1.d_date_sk UNION ALL SELECT DATE '1998-01-01' AS c0, t2.c_customer_sk AS c1 FROM customer AS t2 INNER JOIN customer_demographics AS t3 ON t2.c_current_cdemo_sk = t3.cd_demo_sk INNER JOIN customer_demographics AS t4 ON t2.c_current_cdemo_sk = t4.cd_demo_sk) AS u5 ORDER BY c0, c1
