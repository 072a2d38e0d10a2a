package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/** Who the settlement report is about: the registry's names of the settlement and its office. */
public record SettlementHeader(
    String settlementId,
    BilingualName settlement,
    BilingualName city,
    BilingualName county,
    BilingualName office) {

  public SettlementHeader {
    requireNonNull(settlementId, "settlementId");
    requireNonNull(settlement, "settlement");
    requireNonNull(city, "city");
    requireNonNull(county, "county");
    requireNonNull(office, "office");
    if (!settlementId.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new IllegalArgumentException(
          "a settlement id is letters, digits, '-' or '_' (it names a file), not " + settlementId);
    }
  }
}
