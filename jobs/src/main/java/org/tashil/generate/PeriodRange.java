package org.tashil.generate;

import java.util.List;
import org.tashil.calendar.Period;

/** {@code 1404-09..1405-08}, or one period {@code 1405-08}: the periods to generate. */
public final class PeriodRange {

  private PeriodRange() {}

  /** Every period of the range, in order; throws IllegalArgumentException on bad text. */
  public static List<Period> parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int dots = trimmed.indexOf("..");
    if (dots < 0) {
      return List.of(Period.parse(trimmed));
    }
    Period first = Period.parse(trimmed.substring(0, dots));
    Period last = Period.parse(trimmed.substring(dots + 2));
    return Period.range(first, last);
  }
}
