package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/** One settlement's hazard-zone households and their relocation answers. */
public record SettlementRelocation(
    String settlementId, BilingualName settlement, Relocation relocation) {

  public SettlementRelocation {
    requireNonNull(settlementId, "settlementId");
    requireNonNull(settlement, "settlement");
    requireNonNull(relocation, "relocation");
  }
}
