package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;
import static org.tashil.reports.model.Counts.requireDays;

/**
 * The period's demands (docs/indicators.md §3): registered in the period ({@code newDemands}),
 * closed in it by status, open at its end (and of those, older than their agency's SLA), the exact
 * median days to resolve (null when none was resolved) and the households the open ones affect; the
 * month's balance (§3.1): open at the previous period's end ({@code openAtStart}) and the open
 * demands added and removed by reports sent late or corrected, such that open at the start + new −
 * resolved − rejected − withdrawn + late added − late removed = open; and whether the offices'
 * demands files behind the figures arrived ({@code files}, §5.1).
 */
public record DemandFigures(
    long newDemands,
    long resolved,
    long rejected,
    long withdrawn,
    long open,
    long openOverdue,
    Double medianDaysToResolve,
    long householdsAffectedOpen,
    long openAtStart,
    long lateAdded,
    long lateRemoved,
    FileCoverage files) {

  public DemandFigures {
    requireCount(newDemands, "newDemands");
    requireCount(resolved, "resolved");
    requireCount(rejected, "rejected");
    requireCount(withdrawn, "withdrawn");
    requireCount(open, "open");
    requireCount(openOverdue, "openOverdue");
    requireCount(householdsAffectedOpen, "householdsAffectedOpen");
    requireDays(medianDaysToResolve, "medianDaysToResolve");
    requireCount(openAtStart, "openAtStart");
    requireCount(lateAdded, "lateAdded");
    requireCount(lateRemoved, "lateRemoved");
    requireNonNull(files, "files");
    long balance =
        openAtStart + newDemands - resolved - rejected - withdrawn + lateAdded - lateRemoved;
    if (balance != open) {
      throw new IllegalArgumentException(
          "the balance does not close: "
              + openAtStart
              + " + "
              + newDemands
              + " − "
              + resolved
              + " − "
              + rejected
              + " − "
              + withdrawn
              + " + "
              + lateAdded
              + " − "
              + lateRemoved
              + " = "
              + balance
              + ", not the "
              + open
              + " open");
    }
    if (openOverdue > open) {
      throw new IllegalArgumentException(
          "open overdue (" + openOverdue + ") exceeds open (" + open + ")");
    }
  }

  public static DemandFigures none() {
    return new DemandFigures(0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, FileCoverage.complete(0));
  }
}
