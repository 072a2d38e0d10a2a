package org.tashil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tashil.calendar.Period;

/** The mart's SQL with its fragments filled in from the Java definitions. */
class TestSettlementMonthSql {

  private static final SettlementMonthSql AUGUST =
      SettlementMonthSql.forPeriod(Period.parse("1405-08"));

  @Test
  void theViewsInOrderThenTheMart() {
    assertThat(AUGUST.views()).hasSize(11);
    assertThat(AUGUST.views().get(0)).contains("CREATE TEMP MACRO share(");
    assertThat(AUGUST.views().subList(1, 11))
        .extracting(view -> view.substring(view.indexOf("CREATE TEMP VIEW ")).split("\\s+")[3])
        .containsExactly(
            "households_as_of_period",
            "household_flags",
            "household_sums",
            "demands_as_of_period",
            "demand_flags",
            "demand_sums",
            "demands_as_of_previous",
            "demand_balance",
            "activity_sums",
            "row_counts");
    assertThat(AUGUST.mart()).contains("WITH figures AS (").endsWith("ORDER BY settlement_id");
  }

  @Test
  void thePeriodsDaysAndTheDeprivationWeightsAreFilledIn() {
    String all = String.join("\n", AUGUST.views()) + AUGUST.mart();
    assertThat(all).doesNotContainPattern("\\$\\{[a-z_]+}");
    // Aban 1405 is 2026-10-23 … 2026-11-21.
    assertThat(all)
        .contains("period <= '1405-08' AND surveyed_on <= DATE '2026-11-21'")
        .contains("BETWEEN DATE '2026-10-23' AND DATE '2026-11-21'")
        // The previous period, Mehr 1405, ends on 2026-10-22.
        .contains("period <= '1405-07' AND updated_on <= DATE '2026-10-22'")
        .contains(
            "flag_water * 6 + flag_sanitation * 6 + flag_crowding * 6 + flag_durable * 6"
                + " + flag_tenure * 6 + flag_electricity * 5 + flag_gas * 5 + flag_schooling * 10"
                + " + flag_insurance * 5 + flag_employment * 5 AS score_sixtieths")
        .contains(
            "greatest(flag_water, flag_sanitation, flag_crowding, flag_durable, flag_tenure)"
                + " AS flag_slum")
        .contains("CASE WHEN score_sixtieths >= 20 THEN 1 ELSE 0 END AS flag_poor")
        .contains("share(dep_schooling, households) AS dep_schooling_share");
  }

  @Test
  void aStatementEndsWithASemicolonOutsideComments() {
    assertThat(
            SettlementMonthSql.statements(
                "-- the first; with a comment that ends so;\nSELECT 1;\n\n-- then\nSELECT 2\n  FROM t;\n"))
        .containsExactly(
            "-- the first; with a comment that ends so;\nSELECT 1", "-- then\nSELECT 2\n  FROM t");
    assertThatThrownBy(() -> SettlementMonthSql.statements("SELECT 1;\nSELECT 2\n-- no end\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("settlement_month.sql ends with a statement without its semicolon");
  }

  @Test
  void aFragmentNothingFillsInIsRefused() {
    assertThatThrownBy(() -> SettlementMonthSql.fill("SELECT ${nothing}", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("settlement_month.sql names ${nothing}, which nothing fills in");
  }
}
