-- planlab fuzz case
-- suite: tpcds
-- seed: 5724439774825446923
-- combos: exhaustive/calcite/dop4, calcite-default/calcite/dop4
-- tlp: x.c0 = 1
-- found: crash (exhaustive/calcite/dop4): optimize: Cannot compute compatible row type for arguments to set op (Calcite's decorrelator rebuilt the DISTINCT branch with its fields in another order; found by the 10,000-query campaign on the final code)
SELECT t0.c_customer_sk AS c0, t0.c_birth_country AS c1, MIN(t0.c_salutation) AS c2, COUNT(DISTINCT t0.c_customer_sk) AS c3 FROM customer AS t0 WHERE EXISTS (SELECT 1 FROM customer_demographics AS t1 WHERE t0.c_current_cdemo_sk = t1.cd_demo_sk AND t1.cd_demo_sk = 1) GROUP BY t0.c_customer_sk, t0.c_birth_country UNION ALL SELECT DISTINCT t2.wr_returned_date_sk AS c0, 'x' AS c1, 'x' AS c2, CASE WHEN t2.wr_returned_date_sk = 2450816 THEN t2.wr_returned_date_sk ELSE 2450816 END AS c3 FROM web_returns AS t2 WHERE t2.wr_returned_date_sk = 2450816
