package org.planlab.tpcds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The dialect edits, one by one. That every query converts and plans once
 * edited is {@link TpcdsWorkloadTest}'s business.
 */
class CalciteDialectTest {

  @Test
  void eachEdit() {
    assertThat(CalciteDialect.fix("cast('2000-01-01' as date) + 30 days"))
        .isEqualTo("cast('2000-01-01' as date) + INTERVAL '30' DAY");
    assertThat(CalciteDialect.fix("d3.d_date > d1.d_date + 5"))
        .isEqualTo("d3.d_date > d1.d_date + INTERVAL '5' DAY");
    assertThat(CalciteDialect.fix("substr(ca_zip,1,5) <> substr(s_zip, 1, 5)"))
        .isEqualTo("SUBSTRING(ca_zip FROM 1 FOR 5) <> SUBSTRING(s_zip FROM 1 FOR 5)");
    assertThat(CalciteDialect.fix("select d_year as year, sum(returns) as returns, 'at' at"))
        .isEqualTo("select d_year as \"year\", sum(\"returns\") as \"returns\", 'at' \"at\"");
    assertThat(CalciteDialect.fix("t_s_firstyear.year > 0"))
        .isEqualTo("t_s_firstyear.\"year\" > 0");
  }
}
