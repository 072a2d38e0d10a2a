package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * The demands of an office's settlements open with one agency at the period's end: how many, how
 * many past the agency's SLA ({@code slaDays}), and the oldest one's age in days.
 */
public record AgencyBacklog(
    String agencyId, BilingualName agency, int slaDays, long open, long overdue, long oldestDays) {

  public AgencyBacklog {
    requireNonNull(agencyId, "agencyId");
    requireNonNull(agency, "agency");
    requireCount(slaDays, "slaDays");
    requireCount(open, "open");
    requireCount(overdue, "overdue");
    requireCount(oldestDays, "oldestDays");
    if (overdue > open) {
      throw new IllegalArgumentException(
          agencyId + ": overdue (" + overdue + ") exceeds open (" + open + ")");
    }
  }
}
