package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tashil.Fixtures;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;

/**
 * Every rule of contract §2 at its boundary: the last accepted value and the first rejected one.
 */
class TestRowChecker {

  private static final Period ABAN = Period.parse("1405-08");

  private static Map<String, String> household() {
    Map<String, String> row = new HashMap<>();
    row.put("survey_id", "S-1");
    row.put("household_code", "AHV001-H0001");
    row.put("settlement_id", "AHV-001");
    row.put("surveyed_on", "1405/08/10");
    row.put("members", "4");
    row.put("habitable_rooms", "2");
    row.put("head_sex", "f");
    row.put("head_age", "40");
    row.put("head_employed", "no");
    row.put("water", "tanker");
    row.put("sanitation", "open");
    row.put("electricity", "unmetered");
    row.put("piped_gas", "no");
    row.put("walls", "makeshift");
    row.put("tenure", "none");
    row.put("children_6_17", "2");
    row.put("children_in_school", "1");
    row.put("insured_members", "0");
    row.put("hazard_zone", "no");
    return row;
  }

  private static Map<String, String> demand() {
    Map<String, String> row = new HashMap<>();
    row.put("demand_id", "D-1");
    row.put("settlement_id", "AHV-001");
    row.put("registered_on", "1405/08/01");
    row.put("category", "water");
    row.put("agency_id", "water_wastewater");
    row.put("households_affected", "12");
    row.put("priority", "normal");
    row.put("status", "registered");
    row.put("updated_on", "1405/08/02");
    return row;
  }

  private static Map<String, String> activity() {
    Map<String, String> row = new HashMap<>();
    row.put("activity_id", "A-1");
    row.put("settlement_id", "AHV-001");
    row.put("held_on", "1405/08/05");
    row.put("kind", "workshop");
    row.put("participants", "20");
    row.put("women_participants", "8");
    return row;
  }

  private static List<String> problems(OfficeDataset dataset, Map<String, String> row) {
    return new RowChecker(dataset, Fixtures.registry(), "OF-01", ABAN)
        .check(row).problems().stream().map(Problem::tag).toList();
  }

  private static Map<String, String> with(Map<String, String> row, String column, String value) {
    row.put(column, value);
    return row;
  }

  @Test
  void aValidHouseholdPassesWithTypedValues() {
    RowChecker.CheckedRow row =
        new RowChecker(OfficeDataset.HOUSEHOLDS, Fixtures.registry(), "OF-01", ABAN)
            .check(household());
    assertThat(row.problems()).isEmpty();
    assertThat(row.values()[3]).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(row.values()[4]).isEqualTo(4);
  }

  @Test
  void habitableRoomsFromZeroToTwenty() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "habitable_rooms", "0")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "habitable_rooms", "1")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "habitable_rooms", "20")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "habitable_rooms", "21")))
        .containsExactly("OUT_OF_RANGE:habitable_rooms");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "habitable_rooms", "-1")))
        .containsExactly("OUT_OF_RANGE:habitable_rooms");
  }

  @Test
  void membersFromOneToThirty() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "members", "0")))
        .containsExactly("OUT_OF_RANGE:members");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "members", "1"))).isEmpty();
    Map<String, String> thirty = with(household(), "members", "30");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, thirty)).isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "members", "31")))
        .containsExactly("OUT_OF_RANGE:members");
  }

  @Test
  void childrenInSchoolUpToTheChildrenCount() {
    Map<String, String> seventeen = with(household(), "children_6_17", "17");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(seventeen, "children_in_school", "17")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(seventeen, "children_in_school", "18")))
        .containsExactly("INCONSISTENT:children_in_school");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "children_6_17", "20")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "children_6_17", "21")))
        .containsExactly("OUT_OF_RANGE:children_6_17");
  }

  @Test
  void insuredMembersUpToMembers() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "insured_members", "4")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "insured_members", "5")))
        .containsExactly("INCONSISTENT:insured_members");
  }

  @Test
  void headAgeFromTwelveToHundredTen() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "head_age", "12"))).isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "head_age", "11")))
        .containsExactly("OUT_OF_RANGE:head_age");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "head_age", "110"))).isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "head_age", "111")))
        .containsExactly("OUT_OF_RANGE:head_age");
  }

  @Test
  void mehrThirtiethIsADateAndMehrThirtyFirstIsNot() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "1405/07/30")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "1405/07/31")))
        .containsExactly("BAD_DATE:surveyed_on");
  }

  @Test
  void datesInEveryAcceptedWriting() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "2026-11-21")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "1405/8/5")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "1405-08-05")))
        .containsExactly("BAD_DATE:surveyed_on");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "2026-02-30")))
        .containsExactly("BAD_DATE:surveyed_on");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "yesterday")))
        .containsExactly("BAD_DATE:surveyed_on");
  }

  @Test
  void surveyedOnTheLastDayOfThePeriodButNotTheDayAfter() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "1405/08/30")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "surveyed_on", "1405/09/01")))
        .containsExactly("FUTURE_DATE:surveyed_on");
  }

  @Test
  void consentRequiredInHazardZoneAndEmptyOutside() {
    Map<String, String> hazard = with(household(), "hazard_zone", "yes");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, hazard))
        .containsExactly("MISSING_REQUIRED:relocation_consent");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(hazard, "relocation_consent", "undecided")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "relocation_consent", "yes")))
        .containsExactly("INCONSISTENT:relocation_consent");
  }

  @Test
  void persianDigitsAndLabelsAreAccepted() {
    Map<String, String> row = household();
    row.put("members", "۵");
    row.put("head_sex", "زن");
    row.put("head_employed", "بله");
    row.put("water", "تانکر");
    row.put("surveyed_on", "۱۴۰۵/۰۸/۱۰");
    RowChecker.CheckedRow checked =
        new RowChecker(OfficeDataset.HOUSEHOLDS, Fixtures.registry(), "OF-01", ABAN)
            .check(normalised(row));
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.values()[4]).isEqualTo(5);
    assertThat(checked.values()[6]).isEqualTo("f");
    assertThat(checked.values()[8]).isEqualTo("yes");
    assertThat(checked.values()[9]).isEqualTo("tanker");
  }

  @Test
  void badNumberAndBadEnum() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "members", "four")))
        .containsExactly("BAD_NUMBER:members");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "water", "river")))
        .containsExactly("BAD_ENUM:water");
  }

  @Test
  void settlementMustBeInTheRegistryAndServedByTheOffice() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "settlement_id", "AHV-999")))
        .containsExactly("UNKNOWN_SETTLEMENT:settlement_id");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "settlement_id", "AHV-002")))
        .containsExactly("WRONG_OFFICE:settlement_id");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "settlement_id", "ahv-001")))
        .isEmpty();
  }

  @Test
  void householdCodeIsAPseudonymousCode() {
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "household_code", "ABCD")))
        .isEmpty();
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "household_code", "ABC")))
        .containsExactly("OUT_OF_RANGE:household_code");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, with(household(), "household_code", "علی احمدی")))
        .containsExactly("OUT_OF_RANGE:household_code");
  }

  @Test
  void missingRequiredValue() {
    Map<String, String> row = household();
    row.remove("water");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, row)).containsExactly("MISSING_REQUIRED:water");
  }

  @Test
  void theFirstProblemIsTheFirstInColumnOrder() {
    Map<String, String> row = household();
    row.put("hazard_zone", "yes");
    row.put("children_in_school", "3");
    row.put("members", "0");
    assertThat(problems(OfficeDataset.HOUSEHOLDS, row))
        .containsExactly(
            "OUT_OF_RANGE:members",
            "INCONSISTENT:children_in_school",
            "MISSING_REQUIRED:relocation_consent");
  }

  @Test
  void updatedOnTheLastDayOfThePeriodButNotTheDayAfter() {
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "updated_on", "1405/08/30")))
        .isEmpty();
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "updated_on", "1405/09/01")))
        .containsExactly("FUTURE_DATE:updated_on");
  }

  @Test
  void demandStatusDecidesWhichDatesAreRequired() {
    Map<String, String> referred = with(demand(), "status", "referred");
    assertThat(problems(OfficeDataset.DEMANDS, referred))
        .containsExactly("MISSING_REQUIRED:referred_on");
    assertThat(problems(OfficeDataset.DEMANDS, with(referred, "referred_on", "1405/08/01")))
        .isEmpty();

    Map<String, String> resolved =
        with(with(demand(), "status", "resolved"), "referred_on", "1405/08/01");
    assertThat(problems(OfficeDataset.DEMANDS, resolved))
        .containsExactly("MISSING_REQUIRED:closed_on");
    assertThat(problems(OfficeDataset.DEMANDS, with(resolved, "closed_on", "1405/08/02")))
        .isEmpty();

    Map<String, String> withdrawn = with(demand(), "status", "withdrawn");
    assertThat(problems(OfficeDataset.DEMANDS, with(withdrawn, "closed_on", "1405/08/02")))
        .isEmpty();

    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "closed_on", "1405/08/02")))
        .containsExactly("INCONSISTENT:closed_on");
  }

  @Test
  void demandDatesKeepTheirOrder() {
    Map<String, String> referredEarly =
        with(with(demand(), "status", "referred"), "referred_on", "1405/07/30");
    assertThat(problems(OfficeDataset.DEMANDS, referredEarly))
        .containsExactly("INCONSISTENT:referred_on");
    Map<String, String> updatedEarly =
        with(with(demand(), "status", "referred"), "referred_on", "1405/08/03");
    assertThat(problems(OfficeDataset.DEMANDS, updatedEarly))
        .containsExactly("INCONSISTENT:updated_on");
  }

  @Test
  void demandAgencyMustBeKnownAndSummaryShort() {
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "agency_id", "ministry_of_magic")))
        .containsExactly("UNKNOWN_AGENCY:agency_id");
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "summary", "a".repeat(500))))
        .isEmpty();
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "summary", "a".repeat(501))))
        .containsExactly("OUT_OF_RANGE:summary");
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "households_affected", "5001")))
        .containsExactly("OUT_OF_RANGE:households_affected");
  }

  @Test
  void activityHeldInsideThePeriod() {
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "held_on", "1405/08/01")))
        .isEmpty();
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "held_on", "1405/08/30")))
        .isEmpty();
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "held_on", "1405/07/30")))
        .containsExactly("OUT_OF_RANGE:held_on");
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "held_on", "1405/09/01")))
        .containsExactly("FUTURE_DATE:held_on");
  }

  @Test
  void womenParticipantsUpToParticipants() {
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "women_participants", "20")))
        .isEmpty();
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "women_participants", "21")))
        .containsExactly("INCONSISTENT:women_participants");
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "participants", "0")))
        .containsExactly("INCONSISTENT:women_participants");
  }

  private static Map<String, String> normalised(Map<String, String> row) {
    Map<String, String> out = new HashMap<>();
    row.forEach((column, value) -> out.put(column, org.tashil.text.PersianText.normalize(value)));
    return out;
  }

  @Test
  void anIdHoldingANationalIdOrAPhoneNumberIsPersonalDataAndItsMessageDoesNotEchoIt() {
    for (String column : List.of("survey_id", "household_code")) {
      for (String value : List.of("6426212997", "09121234567", "+98 912 123 4567")) {
        RowChecker.CheckedRow row =
            new RowChecker(OfficeDataset.HOUSEHOLDS, Fixtures.registry(), "OF-01", ABAN)
                .check(with(household(), column, value));
        assertThat(row.problems()).extracting(Problem::tag).contains("PERSONAL_DATA:" + column);
        for (Problem problem : row.problems()) {
          assertThat(problem.message(java.util.Locale.ENGLISH)).doesNotContain(value);
          assertThat(problem.message(org.tashil.text.Messages.PERSIAN)).doesNotContain(value);
        }
      }
    }
    assertThat(problems(OfficeDataset.DEMANDS, with(demand(), "demand_id", "09131112222")))
        .containsExactly("PERSONAL_DATA:demand_id");
    assertThat(problems(OfficeDataset.ACTIVITIES, with(activity(), "activity_id", "0499370899")))
        .containsExactly("PERSONAL_DATA:activity_id");
  }

  @Test
  void phoneNumbersAndNationalIdsInASummaryAreMaskedAndCounted() {
    RowChecker.CheckedRow row =
        new RowChecker(OfficeDataset.DEMANDS, Fixtures.registry(), "OF-01", ABAN)
            .check(with(demand(), "summary", "call 09121234567 or 0499370899, alley 12"));
    assertThat(row.problems()).isEmpty();
    assertThat(row.values()[OfficeDataset.DEMANDS.schema().indexOf("summary")])
        .isEqualTo("call 0912******* or **********, alley 12");
    assertThat(row.valuesMasked()).isEqualTo(2);
  }

  @Test
  void anyValueAMessageEchoesIsMasked() {
    RowChecker.CheckedRow row =
        new RowChecker(OfficeDataset.HOUSEHOLDS, Fixtures.registry(), "OF-01", ABAN)
            .check(with(household(), "members", "09121234567"));
    assertThat(row.problems()).extracting(Problem::tag).containsExactly("OUT_OF_RANGE:members");
    assertThat(row.problems().get(0).message(java.util.Locale.ENGLISH))
        .contains("0912*******")
        .doesNotContain("09121234567");
  }

  @Test
  void aFormulaWithoutAComputedValueIsNeverZero() {
    RowChecker checker =
        new RowChecker(OfficeDataset.HOUSEHOLDS, Fixtures.registry(), "OF-01", ABAN);
    assertThat(
            checker
                .check(with(household(), "members", null), java.util.Set.of("members"))
                .problems())
        .extracting(Problem::tag)
        .containsExactly("BAD_NUMBER:members");
    assertThat(
            checker
                .check(with(household(), "surveyed_on", null), java.util.Set.of("surveyed_on"))
                .problems())
        .extracting(Problem::tag)
        .containsExactly("BAD_DATE:surveyed_on");
    assertThat(
            checker.check(with(household(), "water", null), java.util.Set.of("water")).problems())
        .extracting(Problem::tag)
        .containsExactly("MISSING_REQUIRED:water");
  }
}
