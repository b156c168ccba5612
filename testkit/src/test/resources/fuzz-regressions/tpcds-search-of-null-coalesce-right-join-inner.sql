-- planlab fuzz case
-- suite: tpcds
-- seed: -7223466504434912668
-- combos: exhaustive/pg/dop4, cheap-only/pg/dop1
-- tlp: (x.c0 IS NULL AND CASE WHEN x.c2 NOT BETWEEN -1 AND 2 THEN CASE WHEN x.c1 IS NULL THEN x.c2 ELSE -1 END ELSE 0 END = -1)
-- found: partitioning (exhaustive/pg/dop4): exhaustive/pg/dop4 returned 126 rows, partitioned by (x.c0 IS NULL AND CASE WHEN x.c2 NOT BETWEEN -1 AND 2 THEN CASE WHEN x.c1 IS NULL THEN x.c2 ELSE -1 END ELSE 0 END = -1) 111; 1 rows only in exhaustive/pg/dop4, 0 only in partitioned by (x.c0 IS NULL AND CASE WHEN x.c2 NOT BETWEEN -1 AND 2 THEN CASE WHEN x.c1 IS NULL THEN x.c2 ELSE -1 END ELSE 0 END = -1)
-- found:   - null | null | -1  (15x)
-- found: (not shrunk; cheap-only loses the rows too: NOT of the partition was reduced to comparisons of CAST(hd_vehicle_count AS INTEGER NOT NULL), the RIGHT join became inner; NullSafeReduceExpressionsRules now folds SEARCH(-1, Sarg) to see it; 126 rows is right)
SELECT t0.hd_demo_sk AS c0, CASE WHEN t3.ib_income_band_sk NOT IN (1) THEN t0.hd_demo_sk ELSE 1 END AS c1, COALESCE(t0.hd_vehicle_count, -1) AS c2 FROM household_demographics AS t0 INNER JOIN store_returns AS t1 ON t0.hd_demo_sk = t1.sr_hdemo_sk INNER JOIN web_sales AS t2 ON t0.hd_demo_sk = t2.ws_bill_hdemo_sk RIGHT JOIN income_band AS t3 ON t0.hd_demo_sk = t3.ib_income_band_sk LEFT JOIN income_band AS t4 ON t0.hd_income_band_sk = t4.ib_income_band_sk
