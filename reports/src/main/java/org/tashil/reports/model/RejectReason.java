package org.tashil.reports.model;

import java.util.Locale;

/** Why a row was quarantined: the first broken rule's code (contract §2.4). */
public enum RejectReason {
  MISSING_REQUIRED,
  BAD_NUMBER,
  OUT_OF_RANGE,
  BAD_DATE,
  FUTURE_DATE,
  BAD_ENUM,
  UNKNOWN_SETTLEMENT,
  WRONG_OFFICE,
  UNKNOWN_AGENCY,
  INCONSISTENT,
  DUPLICATE_KEY,
  BAD_ROW,
  PERSONAL_DATA;

  public String labelKey() {
    return "reason." + name().toLowerCase(Locale.ROOT);
  }
}
