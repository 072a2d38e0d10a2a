package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/** One county: its settlements' households and demands, computed over the county's sums. */
public record CountyFigures(
    BilingualName county,
    int settlements,
    long households,
    Share coverage,
    Share slumHouseholds,
    Share index,
    long newDemands,
    long openDemands) {

  public CountyFigures {
    requireNonNull(county, "county");
    requireCount(settlements, "settlements");
    requireCount(households, "households");
    requireNonNull(coverage, "coverage");
    requireNonNull(slumHouseholds, "slumHouseholds");
    requireNonNull(index, "index");
    requireCount(newDemands, "newDemands");
    requireCount(openDemands, "openDemands");
  }
}
