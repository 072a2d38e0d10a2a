package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * A month out of the ordinary (docs/indicators.md §10): an office's or a settlement's {@code
 * measure} this month, {@code value}, outside its usual range ({@code rangeLow}–{@code rangeHigh},
 * median ± 3.5 spreads) over the {@code monthsCompared} months from {@code firstCompared} to {@code
 * lastCompared}. {@code score} is the modified z-score, null when every month compared was alike
 * (the value then differs from all of them).
 */
public record QualityFlag(
    Scope scope,
    String key,
    BilingualName name,
    QualityMeasure measure,
    long value,
    double median,
    double rangeLow,
    double rangeHigh,
    int monthsCompared,
    ReportPeriod firstCompared,
    ReportPeriod lastCompared,
    Double score) {

  /** Whose figure it is. */
  public enum Scope {
    OFFICE,
    SETTLEMENT
  }

  public QualityFlag {
    requireNonNull(scope, "scope");
    requireNonNull(key, "key");
    requireNonNull(name, "name");
    requireNonNull(measure, "measure");
    requireCount(value, "value");
    requireNonNull(firstCompared, "firstCompared");
    requireNonNull(lastCompared, "lastCompared");
    if (monthsCompared < 1 || monthsCompared > 12) {
      throw new IllegalArgumentException(
          key + ": a flag compares 1 to 12 months, not " + monthsCompared);
    }
    if (!(rangeLow >= 0) || !(rangeLow <= median) || !(median <= rangeHigh)) {
      throw new IllegalArgumentException(
          key
              + ": the usual range "
              + rangeLow
              + "–"
              + rangeHigh
              + " is from 0 up and holds the median "
              + median);
    }
    if (firstCompared.compareTo(lastCompared) > 0) {
      throw new IllegalArgumentException(
          key + ": months compared from " + firstCompared + " to " + lastCompared);
    }
  }
}
