package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/** One of an agency's last twelve periods: its demands open at the period's end, and overdue. */
public record AgencyTrendPoint(ReportPeriod period, long open, long overdue) {

  public AgencyTrendPoint {
    requireNonNull(period, "period");
    requireCount(open, "open");
    requireCount(overdue, "overdue");
    if (overdue > open) {
      throw new IllegalArgumentException(
          period + ": " + overdue + " overdue of " + open + " open demands");
    }
  }
}
