package org.tashil.schema;

import static org.tashil.schema.Column.date;
import static org.tashil.schema.Column.enumeration;
import static org.tashil.schema.Column.integer;
import static org.tashil.schema.Column.text;

import java.util.List;
import org.tashil.schema.Column.DateBound;
import org.tashil.schema.Column.Lookup;

/** Household surveys (contract §2.1): one row per surveyed household. */
final class Households {

  static final String HOUSEHOLD_CODE_PATTERN = "[A-Za-z0-9-]{4,32}";

  static final DatasetSchema SCHEMA =
      new DatasetSchema(
          "households",
          List.of(
              text("survey_id", 64).identifier(),
              text("household_code", 32).matching(HOUSEHOLD_CODE_PATTERN).identifier(),
              text("settlement_id", 64).foundIn(Lookup.SETTLEMENT),
              date("surveyed_on").bounded(DateBound.NOT_AFTER_PERIOD),
              integer("members", 1, 30),
              integer("habitable_rooms", 0, 20),
              enumeration("head_sex", "f", "m"),
              integer("head_age", 12, 110),
              enumeration("head_employed", "yes", "no"),
              enumeration(
                  "water",
                  "piped_dwelling",
                  "piped_yard",
                  "public_tap",
                  "well_protected",
                  "tanker",
                  "well_unprotected",
                  "surface",
                  "other"),
              enumeration(
                  "sanitation",
                  "sewer",
                  "septic_tank",
                  "improved_pit",
                  "unimproved_pit",
                  "shared",
                  "open",
                  "other"),
              enumeration("electricity", "metered", "unmetered", "none"),
              enumeration("piped_gas", "yes", "no"),
              enumeration(
                  "walls", "concrete", "brick", "block", "stone", "mud", "tin", "makeshift"),
              enumeration(
                  "tenure",
                  "deed",
                  "long_lease",
                  "rent_written",
                  "rent_informal",
                  "occupied_informal",
                  "none"),
              integer("children_6_17", 0, 20),
              integer("children_in_school", 0, 20),
              integer("insured_members", 0, 30),
              enumeration("hazard_zone", "yes", "no"),
              enumeration("relocation_consent", "yes", "no", "undecided").optional()),
          "survey_id",
          List.of(
              RowRules.atMost("children_in_school", "children_6_17"),
              RowRules.atMost("insured_members", "members"),
              Households::consentOnlyInHazardZone));

  private Households() {}

  /** relocation_consent is required when hazard_zone = yes and must be empty otherwise. */
  private static void consentOnlyInHazardZone(TypedRow row, List<Problem> problems) {
    String hazardZone = row.text("hazard_zone");
    if (hazardZone == null) {
      return;
    }
    boolean consentGiven = row.isPresent("relocation_consent");
    if (hazardZone.equals("yes") && !consentGiven) {
      problems.add(
          Problem.of(
              ProblemCode.MISSING_REQUIRED,
              "relocation_consent",
              "rule.consent_required_in_hazard"));
    } else if (hazardZone.equals("no") && consentGiven) {
      problems.add(
          Problem.of(
              ProblemCode.INCONSISTENT, "relocation_consent", "rule.consent_outside_hazard"));
    }
  }
}
