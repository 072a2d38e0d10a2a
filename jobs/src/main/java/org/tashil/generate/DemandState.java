package org.tashil.generate;

import java.time.LocalDate;

/** One row of a demands file (contract §2.2): a demand as it stood on {@code updatedOn}. */
record DemandState(
    String demandId,
    String settlementId,
    LocalDate registeredOn,
    String category,
    String agencyId,
    int householdsAffected,
    String priority,
    String status,
    LocalDate referredOn,
    LocalDate closedOn,
    LocalDate updatedOn,
    String summary)
    implements GeneratedRow {

  @Override
  public Object value(String column) {
    return switch (column) {
      case "demand_id" -> demandId;
      case "settlement_id" -> settlementId;
      case "registered_on" -> registeredOn;
      case "category" -> category;
      case "agency_id" -> agencyId;
      case "households_affected" -> householdsAffected;
      case "priority" -> priority;
      case "status" -> status;
      case "referred_on" -> referredOn;
      case "closed_on" -> closedOn;
      case "updated_on" -> updatedOn;
      case "summary" -> summary;
      default -> throw new IllegalArgumentException("demands has no column " + column);
    };
  }
}
