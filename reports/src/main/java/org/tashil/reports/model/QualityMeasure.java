package org.tashil.reports.model;

import java.util.Locale;

/**
 * What the quality flags compare month over month (docs/indicators.md §10): what arrives from the
 * offices. The jobs module's {@code QualityFlags.Measure} lists the same codes.
 */
public enum QualityMeasure {
  /** Households rows accepted in the period. */
  SURVEYS,
  NEW_DEMANDS,
  RESOLVED_DEMANDS,
  ACTIVITIES,
  PARTICIPANTS;

  /** {@code new_demands}, as the mart writes it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QualityMeasure fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public String labelKey() {
    return "measure." + code();
  }
}
