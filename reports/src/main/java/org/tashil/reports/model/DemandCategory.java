package org.tashil.reports.model;

import java.util.Locale;

/** A demand's category (contract §2.2). */
public enum DemandCategory {
  WATER,
  ELECTRICITY,
  SEWAGE,
  ROADS,
  WASTE,
  EDUCATION,
  HEALTH,
  SECURITY,
  DOCUMENTS,
  TENURE,
  EMPLOYMENT,
  WELFARE,
  RELOCATION,
  OTHER;

  /** The category as the data spells it: {@code water}, {@code roads}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DemandCategory fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public String labelKey() {
    return "category." + code();
  }
}
