package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

import java.time.LocalDate;

/**
 * One demand routed to an agency and open at the period's end, where it is (county, settlement) and
 * how long it has waited. {@code overdue} when it has been open longer than the agency's SLA (as
 * the marts count it). Deliberately without the demand's summary text: residents write it, and it
 * is never printed (contract §2.2).
 */
public record AgencyDemand(
    String officeId,
    String demandId,
    BilingualName county,
    String settlementId,
    BilingualName settlement,
    DemandCategory category,
    boolean urgent,
    DemandStatus status,
    LocalDate registeredOn,
    long daysOpen,
    boolean overdue,
    long householdsAffected) {

  public AgencyDemand {
    requireNonNull(officeId, "officeId");
    requireNonNull(demandId, "demandId");
    requireNonNull(county, "county");
    requireNonNull(settlementId, "settlementId");
    requireNonNull(settlement, "settlement");
    requireNonNull(category, "category");
    requireNonNull(status, "status");
    requireNonNull(registeredOn, "registeredOn");
    requireCount(daysOpen, "daysOpen");
    requireCount(householdsAffected, "householdsAffected");
  }
}
