package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * The province's headline figures. Completeness and timeliness derive from the office counts
 * (docs/indicators.md §5): offices whose demands file arrived (on time) ÷ active offices.
 */
public record ProvinceHeadline(
    int settlements,
    KeyFigures keyFigures,
    Poverty poverty,
    DemandFigures demands,
    Activities activities,
    Relocation relocation,
    int activeOffices,
    int officesWithDemandsFile,
    int officesOnTime) {

  public ProvinceHeadline {
    requireCount(settlements, "settlements");
    requireNonNull(keyFigures, "keyFigures");
    requireNonNull(poverty, "poverty");
    requireNonNull(demands, "demands");
    requireNonNull(activities, "activities");
    requireNonNull(relocation, "relocation");
    requireCount(activeOffices, "activeOffices");
    if (officesWithDemandsFile < 0 || officesWithDemandsFile > activeOffices) {
      throw new IllegalArgumentException(
          "offices with a demands file is 0–" + activeOffices + ", not " + officesWithDemandsFile);
    }
    if (officesOnTime < 0 || officesOnTime > officesWithDemandsFile) {
      throw new IllegalArgumentException(
          "offices on time is 0–" + officesWithDemandsFile + ", not " + officesOnTime);
    }
  }

  /** Active offices whose demands file arrived ÷ active offices; null without active office. */
  public Double completeness() {
    return activeOffices == 0 ? null : (double) officesWithDemandsFile / activeOffices;
  }

  /** Active offices whose demands file arrived on time ÷ active offices. */
  public Double timeliness() {
    return activeOffices == 0 ? null : (double) officesOnTime / activeOffices;
  }
}
