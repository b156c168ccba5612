-- planlab fuzz case
-- suite: tpcds
-- seed: -2533947166188560901
-- combos: cheap-only/calcite/dop4, cheap-only/pg/dop1
-- tlp: x.c0 = 1
-- found: partitioning (cheap-only/calcite/dop4): cheap-only/calcite/dop4 returned 11471 rows, partitioned by x.c0 = 1 11698; 0 rows only in cheap-only/calcite/dop4, 1 only in partitioned by x.c0 = 1
-- found:   + 1  (227x)
SELECT COALESCE(t2.sr_reason_sk, 1) AS c0 FROM household_demographics AS t0 INNER JOIN income_band AS t1 ON t0.hd_income_band_sk = t1.ib_income_band_sk INNER JOIN store_returns AS t2 ON t0.hd_demo_sk = t2.sr_hdemo_sk WHERE (t0.hd_demo_sk > 1 AND EXISTS (SELECT 1 FROM income_band AS t3 WHERE t0.hd_income_band_sk = t3.ib_income_band_sk))
