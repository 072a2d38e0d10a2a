package org.tashil.generate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.tashil.calendar.Period;

/**
 * A period with its first and last day computed once: the simulations ask for them millions of
 * times.
 */
record Month(Period period, LocalDate firstDay, LocalDate lastDay) {

  private static final Map<Period, Month> KNOWN = new ConcurrentHashMap<>();

  Month {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
  }

  static Month of(Period period) {
    return KNOWN.computeIfAbsent(period, key -> new Month(key, key.firstDay(), key.lastDay()));
  }

  Month next() {
    return of(period.plusMonths(1));
  }

  Month previous() {
    return of(period.minusMonths(1));
  }

  boolean contains(LocalDate date) {
    return !date.isBefore(firstDay) && !date.isAfter(lastDay);
  }

  /** {@code 140508}: the period in identifiers. */
  String code() {
    return "%04d%02d".formatted(period.year(), period.month());
  }

  @Override
  public String toString() {
    return period.toString();
  }
}
