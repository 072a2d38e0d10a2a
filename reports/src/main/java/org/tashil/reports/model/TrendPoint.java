package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * One of the last twelve periods: demands new, resolved and open at its end (docs/indicators.md
 * §5.1). {@code officesMissing} is how many offices' demands files the period's figures lack: for a
 * settlement 1 when its office's was missing or rejected; for the province, its active offices that
 * sent none (its flows then add up the files that arrived). A {@code missing} period, one whose new
 * and resolved demands are unknown because no file behind them arrived, has them null, never 0; its
 * open demands stand as of the last file received.
 */
public record TrendPoint(
    ReportPeriod period,
    Long newDemands,
    Long resolved,
    long open,
    boolean missing,
    int officesMissing) {

  public TrendPoint {
    requireNonNull(period, "period");
    if (missing != (newDemands == null) || missing != (resolved == null)) {
      throw new IllegalArgumentException(
          period
              + ": a period without its demands file has no new or resolved figures, and one with"
              + " it has both");
    }
    if (!missing) {
      requireCount(newDemands, "newDemands");
      requireCount(resolved, "resolved");
    }
    requireCount(open, "open");
    requireCount(officesMissing, "officesMissing");
    if (missing && officesMissing == 0) {
      throw new IllegalArgumentException(period + ": a period without its file misses an office's");
    }
  }

  /** A period whose demands files all arrived. */
  public TrendPoint(ReportPeriod period, long newDemands, long resolved, long open) {
    this(period, Long.valueOf(newDemands), Long.valueOf(resolved), open, false, 0);
  }

  /** A settlement's period without its office's demands file: open as of the last file received. */
  public static TrendPoint withoutFile(ReportPeriod period, long open) {
    return new TrendPoint(period, null, null, open, true, 1);
  }
}
