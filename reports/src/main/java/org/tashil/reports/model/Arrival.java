package org.tashil.reports.model;

import java.util.Locale;

/** What became of one file an active office was to send this period. */
public enum Arrival {
  /** Arrived, first seen within the on-time window. */
  ON_TIME,
  /** Arrived after the on-time window. */
  LATE,
  /** Sent, but it could not be read at all and was rejected whole. */
  REJECTED,
  /** Not sent, although it was due (demands, activities). */
  MISSING,
  /** Not sent, and not due: households are sent only when surveys were done. */
  NOT_DUE;

  public String labelKey() {
    return "arrival." + name().toLowerCase(Locale.ROOT);
  }
}
