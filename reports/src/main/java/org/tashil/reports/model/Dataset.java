package org.tashil.reports.model;

import java.util.Locale;

/** The three files an office sends each month. */
public enum Dataset {
  HOUSEHOLDS,
  DEMANDS,
  ACTIVITIES;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Dataset fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public String labelKey() {
    return "dataset." + code();
  }
}
