package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/**
 * Slum households (SDG 11.1.1) and the Alkire-Foster index (docs/indicators.md §2.2–2.3): {@code
 * headcount} is H, {@code intensity} is A, {@code index} is M0 = H × A. Each carries the households
 * it was computed over, for suppression.
 */
public record Poverty(
    Share slumHouseholds, Share slumPersons, Share headcount, Share intensity, Share index) {

  public Poverty {
    requireNonNull(slumHouseholds, "slumHouseholds");
    requireNonNull(slumPersons, "slumPersons");
    requireNonNull(headcount, "headcount");
    requireNonNull(intensity, "intensity");
    requireNonNull(index, "index");
  }

  /** Nobody surveyed: every figure is a dash. */
  public static Poverty none() {
    return new Poverty(Share.none(), Share.none(), Share.none(), Share.none(), Share.none());
  }
}
