package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/** One settlement in the province's ranking by M0; {@code rank} is null without an M0. */
public record SettlementRanking(
    Integer rank,
    String settlementId,
    BilingualName settlement,
    BilingualName county,
    long households,
    Share coverage,
    Share slumHouseholds,
    Share index) {

  public SettlementRanking {
    requireNonNull(settlementId, "settlementId");
    requireNonNull(settlement, "settlement");
    requireNonNull(county, "county");
    requireCount(households, "households");
    requireNonNull(coverage, "coverage");
    requireNonNull(slumHouseholds, "slumHouseholds");
    requireNonNull(index, "index");
    if (rank != null && rank < 1) {
      throw new IllegalArgumentException("a rank is ≥ 1, not " + rank);
    }
  }
}
