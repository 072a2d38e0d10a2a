package org.tashil.reports.model;

import static org.tashil.reports.model.Counts.requireCount;
import static org.tashil.reports.model.Counts.requireDays;

/**
 * The period's demands (docs/indicators.md §3): registered in the period ({@code newDemands}),
 * closed in it by status, open at its end (and of those, older than their agency's SLA), the exact
 * median days to resolve (null when none was resolved) and the households the open ones affect.
 */
public record DemandFigures(
    long newDemands,
    long resolved,
    long rejected,
    long withdrawn,
    long open,
    long openOverdue,
    Double medianDaysToResolve,
    long householdsAffectedOpen) {

  public DemandFigures {
    requireCount(newDemands, "newDemands");
    requireCount(resolved, "resolved");
    requireCount(rejected, "rejected");
    requireCount(withdrawn, "withdrawn");
    requireCount(open, "open");
    requireCount(openOverdue, "openOverdue");
    requireCount(householdsAffectedOpen, "householdsAffectedOpen");
    requireDays(medianDaysToResolve, "medianDaysToResolve");
    if (openOverdue > open) {
      throw new IllegalArgumentException(
          "open overdue (" + openOverdue + ") exceeds open (" + open + ")");
    }
  }

  public static DemandFigures none() {
    return new DemandFigures(0, 0, 0, 0, 0, 0, null, 0);
  }
}
