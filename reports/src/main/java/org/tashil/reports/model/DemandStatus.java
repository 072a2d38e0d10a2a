package org.tashil.reports.model;

import java.util.Locale;

/** The state of a demand that is still open (contract §2.2): registered, referred, in progress. */
public enum DemandStatus {
  REGISTERED,
  REFERRED,
  IN_PROGRESS;

  /** The status as the data spells it: {@code registered}, {@code in_progress}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DemandStatus fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public String labelKey() {
    return "status." + code();
  }
}
