package org.tashil.schema;

import java.time.LocalDate;
import org.tashil.calendar.JalaliDate;

/** Rules that several datasets share: one count bounded by another, one date not before another. */
final class RowRules {

  private RowRules() {}

  /** {@code column} ≤ {@code limit}, as children in school ≤ children aged 6–17. */
  static RowRule atMost(String column, String limit) {
    return (row, problems) -> {
      Integer value = row.integer(column);
      Integer bound = row.integer(limit);
      if (value != null && bound != null && value > bound) {
        problems.add(
            Problem.of(
                ProblemCode.INCONSISTENT, column, "rule.at_most", column, value, limit, bound));
      }
    };
  }

  /** {@code column} is on or after {@code earlier}, as referred_on ≥ registered_on. */
  static RowRule notBefore(String column, String earlier) {
    return (row, problems) -> {
      LocalDate value = row.date(column);
      LocalDate bound = row.date(earlier);
      if (value != null && bound != null && value.isBefore(bound)) {
        problems.add(
            Problem.of(
                ProblemCode.INCONSISTENT,
                column,
                "rule.not_before",
                column,
                JalaliDate.describe(value),
                earlier,
                JalaliDate.describe(bound)));
      }
    };
  }
}
