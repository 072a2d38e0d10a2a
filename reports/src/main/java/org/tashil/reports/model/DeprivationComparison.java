package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/** One deprivation's share of households in the settlement, beside the province's. */
public record DeprivationComparison(Deprivation deprivation, Share settlement, Share province) {

  public DeprivationComparison {
    requireNonNull(deprivation, "deprivation");
    requireNonNull(settlement, "settlement");
    requireNonNull(province, "province");
  }
}
