package org.tashil.calendar;

import java.util.List;
import java.util.Objects;

/**
 * Consecutive periods, written {@code 1404-09..1405-08}, or one period {@code 1405-08} (or {@code
 * previous}).
 */
public record PeriodRange(Period first, Period last) {

  public PeriodRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("period range " + first + ".." + last + " is backwards");
    }
  }

  /** Parses the range; throws IllegalArgumentException, with a message for people, on bad text. */
  public static PeriodRange parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int dots = trimmed.indexOf("..");
    if (dots < 0) {
      Period period = Period.parse(trimmed);
      return new PeriodRange(period, period);
    }
    return new PeriodRange(
        Period.parse(trimmed.substring(0, dots)), Period.parse(trimmed.substring(dots + 2)));
  }

  /** Whether {@code period} is one of the range's. */
  public boolean contains(Period period) {
    return period.compareTo(first) >= 0 && period.compareTo(last) <= 0;
  }

  /** Every period of the range, in order. */
  public List<Period> periods() {
    return Period.range(first, last);
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
