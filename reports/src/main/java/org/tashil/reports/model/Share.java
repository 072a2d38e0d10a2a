package org.tashil.reports.model;

/**
 * A share (0.25 = 25%) and the number of households under it. {@code value} is null when there is
 * no denominator (no household surveyed): the reports print a dash. A share over fewer households
 * than the suppression threshold prints {@code *} with a footnote, so that no household can be
 * singled out (contract §6).
 */
public record Share(Double value, long households) {

  private static final Share NONE = new Share(null, 0);

  public Share {
    if (households < 0) {
      throw new IllegalArgumentException("households is ≥ 0, not " + households);
    }
    if (value != null && (value.isNaN() || value.isInfinite() || value < 0)) {
      throw new IllegalArgumentException("a share is a finite number ≥ 0, not " + value);
    }
  }

  /** {@code part / households}, or no value when there is no household. */
  public static Share of(long part, long households) {
    if (part < 0) {
      throw new IllegalArgumentException("a count is ≥ 0, not " + part);
    }
    return households == 0 ? NONE : new Share((double) part / households, households);
  }

  /** No denominator: printed as a dash. */
  public static Share none() {
    return NONE;
  }

  public boolean present() {
    return value != null;
  }

  /** True when the share must be printed {@code *}: there is a value, over too few households. */
  public boolean suppressedUnder(int threshold) {
    return value != null && households < threshold;
  }
}
