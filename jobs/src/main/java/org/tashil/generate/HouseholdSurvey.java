package org.tashil.generate;

import java.time.LocalDate;

/**
 * One row of a households file (contract §2.1), values canonical: a {@link Household} as one survey
 * found it on one day, so it repeats the household's columns with the values of that day.
 */
record HouseholdSurvey(
    String surveyId,
    String householdCode,
    String settlementId,
    LocalDate surveyedOn,
    int members,
    int habitableRooms,
    String headSex,
    int headAge,
    String headEmployed,
    String water,
    String sanitation,
    String electricity,
    String pipedGas,
    String walls,
    String tenure,
    int children6To17,
    int childrenInSchool,
    int insuredMembers,
    String hazardZone,
    String relocationConsent)
    implements GeneratedRow {

  @Override
  public Object value(String column) {
    return switch (column) {
      case "survey_id" -> surveyId;
      case "household_code" -> householdCode;
      case "settlement_id" -> settlementId;
      case "surveyed_on" -> surveyedOn;
      case "members" -> members;
      case "habitable_rooms" -> habitableRooms;
      case "head_sex" -> headSex;
      case "head_age" -> headAge;
      case "head_employed" -> headEmployed;
      case "water" -> water;
      case "sanitation" -> sanitation;
      case "electricity" -> electricity;
      case "piped_gas" -> pipedGas;
      case "walls" -> walls;
      case "tenure" -> tenure;
      case "children_6_17" -> children6To17;
      case "children_in_school" -> childrenInSchool;
      case "insured_members" -> insuredMembers;
      case "hazard_zone" -> hazardZone;
      case "relocation_consent" -> relocationConsent;
      default -> throw new IllegalArgumentException("households has no column " + column);
    };
  }
}
