package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/** One of the last twelve periods: demands new, resolved and open at its end. */
public record TrendPoint(ReportPeriod period, long newDemands, long resolved, long open) {

  public TrendPoint {
    requireNonNull(period, "period");
    requireCount(newDemands, "newDemands");
    requireCount(resolved, "resolved");
    requireCount(open, "open");
  }
}
