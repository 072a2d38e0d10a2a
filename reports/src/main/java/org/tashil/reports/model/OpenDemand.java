package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * One of the oldest open demands. Deliberately without the demand's summary text: residents write
 * it, and it is never printed (contract §2.2).
 */
public record OpenDemand(
    String demandId, DemandCategory category, BilingualName agency, long daysOpen) {

  public OpenDemand {
    requireNonNull(demandId, "demandId");
    requireNonNull(category, "category");
    requireNonNull(agency, "agency");
    requireCount(daysOpen, "daysOpen");
  }
}
