package org.tashil.reports.model;

/** Checks shared by the records: counts are never negative. */
final class Counts {

  private Counts() {}

  static long requireCount(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " is a count ≥ 0, not " + value);
    }
    return value;
  }

  static Double requireDays(Double value, String name) {
    if (value != null && (value.isNaN() || value < 0)) {
      throw new IllegalArgumentException(name + " is a number of days ≥ 0, not " + value);
    }
    return value;
  }
}
