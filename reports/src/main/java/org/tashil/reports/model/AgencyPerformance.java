package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;
import static org.tashil.reports.model.Counts.requireDays;

/**
 * One agency's handling of the demands referred to it (docs/indicators.md §3). {@code slaMetShare}
 * is resolved within the SLA ÷ resolved (null when none was resolved): a share of demands, not of
 * households, so it is never suppressed. {@code oldestOpenDays} is null when nothing is open.
 */
public record AgencyPerformance(
    String agencyId,
    BilingualName agency,
    int slaDays,
    long newDemands,
    long resolved,
    long open,
    long openOverdue,
    Double medianDaysToResolve,
    Double slaMetShare,
    Long oldestOpenDays) {

  public AgencyPerformance {
    requireNonNull(agencyId, "agencyId");
    requireNonNull(agency, "agency");
    requireCount(slaDays, "slaDays");
    requireCount(newDemands, "newDemands");
    requireCount(resolved, "resolved");
    requireCount(open, "open");
    requireCount(openOverdue, "openOverdue");
    requireDays(medianDaysToResolve, "medianDaysToResolve");
    if (slaMetShare != null && (slaMetShare.isNaN() || slaMetShare < 0 || slaMetShare > 1)) {
      throw new IllegalArgumentException("the SLA-met share is 0–1, not " + slaMetShare);
    }
    if (oldestOpenDays != null) {
      requireCount(oldestOpenDays, "oldestOpenDays");
    }
  }
}
