package org.tashil.reports.model;

import java.util.Locale;

/**
 * What became of one file an office was to send this period: the status {@code office_month}
 * computes for each dataset, and the completeness table prints for each active office.
 */
public enum Arrival {
  /** Arrived, first seen within the on-time window. */
  ON_TIME,
  /** Arrived after the on-time window. */
  LATE,
  /** Sent, but it could not be read at all and was rejected whole. */
  REJECTED,
  /** Not sent, although it was due (demands, activities of an active office). */
  MISSING,
  /** Not due: the office was not active, or households, sent only when surveys were done. */
  NOT_DUE;

  public String labelKey() {
    return "arrival." + name().toLowerCase(Locale.ROOT);
  }
}
