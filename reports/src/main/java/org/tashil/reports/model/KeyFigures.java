package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * The registry's estimates and the survey's reach: {@code households} and {@code persons} counted
 * as of the period (docs/indicators.md §2), {@code coverage} = households ÷ estimated households.
 */
public record KeyFigures(
    long estimatedPopulation,
    long estimatedHouseholds,
    long households,
    long persons,
    Share coverage) {

  public KeyFigures {
    requireCount(estimatedPopulation, "estimatedPopulation");
    requireCount(estimatedHouseholds, "estimatedHouseholds");
    requireCount(households, "households");
    requireCount(persons, "persons");
    requireNonNull(coverage, "coverage");
  }

  /** Coverage derived from the counts. */
  public static KeyFigures of(
      long estimatedPopulation, long estimatedHouseholds, long households, long persons) {
    Share coverage =
        estimatedHouseholds == 0
            ? Share.none()
            : new Share((double) households / estimatedHouseholds, households);
    return new KeyFigures(estimatedPopulation, estimatedHouseholds, households, persons, coverage);
  }
}
