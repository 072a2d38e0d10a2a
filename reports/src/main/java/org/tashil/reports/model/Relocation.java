package org.tashil.reports.model;

import static org.tashil.reports.model.Counts.requireCount;

/** Households living in a hazard zone and their answer on relocation (docs/indicators.md §2.4). */
public record Relocation(
    long hazardHouseholds, long consentYes, long consentNo, long consentUndecided) {

  public Relocation {
    requireCount(hazardHouseholds, "hazardHouseholds");
    requireCount(consentYes, "consentYes");
    requireCount(consentNo, "consentNo");
    requireCount(consentUndecided, "consentUndecided");
    if (consentYes + consentNo + consentUndecided > hazardHouseholds) {
      throw new IllegalArgumentException(
          "more relocation answers than hazard-zone households (" + hazardHouseholds + ")");
    }
  }

  public static Relocation none() {
    return new Relocation(0, 0, 0, 0);
  }

  public Share yesShare() {
    return Share.of(consentYes, hazardHouseholds);
  }

  public Share noShare() {
    return Share.of(consentNo, hazardHouseholds);
  }

  public Share undecidedShare() {
    return Share.of(consentUndecided, hazardHouseholds);
  }
}
