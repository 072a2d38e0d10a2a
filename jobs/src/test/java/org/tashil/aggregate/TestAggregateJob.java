package org.tashil.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Warehouse;

/**
 * The marts of a hand-made province (src/test/resources/indicators: four settlements in two
 * counties, three offices, two agencies, four months), through the real ingest and aggregate. Every
 * expected value below was worked out by hand from those files; the working is in the comments.
 */
class TestAggregateJob {

  private static final Path FIXTURE = Path.of("src/test/resources/indicators");
  private static final double EXACT = 1e-12;

  private static Warehouse warehouse;

  @BeforeAll
  static void ingestFourMonthsAndAggregateThree() {
    warehouse = IndicatorWarehouse.warehouse();
  }

  private static Row row(String mart, String period, String where) {
    List<Row> rows =
        warehouse
            .read("marts/" + mart)
            .where("period = '" + period + "' AND " + where)
            .collectAsList();
    assertThat(rows).as(mart + " " + where).hasSize(1);
    return rows.get(0);
  }

  private static Row settlement(String id) {
    return row("settlement_month", "1405-08", "settlement_id = '" + id + "'");
  }

  private static double number(Row row, String column) {
    return ((Number) row.getAs(column)).doubleValue();
  }

  @Test
  void theHouseholdBasisTakesEachHouseholdsLatestSurvey() {
    // T-001 at 1405-08: HH-0001..0004, HH-0005 re-surveyed in 1405-08 (its 1405-06 survey no longer
    // counts), HH-0006 as surveyed on 1405/07/20 (the older survey of 1405/07/10 sent late in
    // 1405-08
    // does not replace it). S7 (0 members) and S8 (unknown settlement) were quarantined.
    Row t1 = settlement("T-001");
    assertThat(number(t1, "households")).isEqualTo(6);
    assertThat(number(t1, "persons")).isEqualTo(25); // 3 + 4 + 7 + 2 + 5 + 4
    assertThat(number(t1, "coverage")).isCloseTo(0.6, within(EXACT)); // 6 / 10
  }

  @Test
  void eachDeprivationAtItsBoundary() {
    Row t1 = settlement("T-001");
    assertThat(number(t1, "dep_water")).isEqualTo(1); // HH-0003 tanker; HH-0005 and 0006 no longer
    assertThat(number(t1, "dep_sanitation")).isEqualTo(0);
    // HH-0001: 3 persons in 1 room is not crowded; HH-0003: 7 in 2 (3.5) is; HH-0004: 0 rooms is.
    assertThat(number(t1, "dep_crowding")).isEqualTo(2);
    assertThat(number(t1, "dep_durable")).isEqualTo(1); // HH-0004 mud walls
    assertThat(number(t1, "dep_tenure")).isEqualTo(1); // HH-0004 none
    assertThat(number(t1, "dep_electricity")).isEqualTo(1); // HH-0004 unmetered
    assertThat(number(t1, "dep_gas")).isEqualTo(1); // HH-0002
    assertThat(number(t1, "dep_schooling")).isEqualTo(1); // HH-0002: 1 of 2 children in school
    assertThat(number(t1, "dep_insurance")).isEqualTo(1); // HH-0002: 3 of 4 insured
    assertThat(number(t1, "dep_employment")).isEqualTo(0); // HH-0005 employed since its re-survey
    assertThat(number(t1, "dep_crowding_share")).isCloseTo(2.0 / 6, within(EXACT));
    // T-002: hazard_zone = yes makes both households' housing not durable.
    assertThat(number(settlement("T-002"), "dep_durable")).isEqualTo(2);
  }

  @Test
  void slumHouseholdsAndPersons() {
    Row t1 = settlement("T-001");
    assertThat(number(t1, "slum_households")).isEqualTo(2); // HH-0003 and HH-0004
    assertThat(number(t1, "slum_persons")).isEqualTo(9); // 7 + 2
    assertThat(number(t1, "slum_households_share")).isCloseTo(2.0 / 6, within(EXACT));
    assertThat(number(t1, "slum_persons_share")).isCloseTo(9.0 / 25, within(EXACT));
  }

  @Test
  void aScoreOfExactlyOneThirdIsPoor() {
    // HH-0002: gas 1/12 + schooling 1/6 + insurance 1/12 = 1/3 exactly: poor. HH-0004: 23/60: poor.
    // HH-0003: 12/60: not poor. H = (4 + 2) / 25; A = (4·20 + 2·23) / 60 / 6; M0 = H × A.
    Row t1 = settlement("T-001");
    assertThat(number(t1, "poor_households")).isEqualTo(2);
    assertThat(number(t1, "poor_persons")).isEqualTo(6);
    assertThat(number(t1, "h")).isCloseTo(0.24, within(EXACT));
    assertThat(number(t1, "a")).isCloseTo(0.35, within(EXACT));
    assertThat(number(t1, "m0")).isCloseTo(0.084, within(EXACT));
  }

  @Test
  void countyAndProvinceAreRatiosOfSumsNotAveragesOfShares() {
    // T-002: HH-0009 (24/60, poor, slum) and HH-0010 (6/60, slum): slum share 1, M0 = 6·24/60/7.
    Row t2 = settlement("T-002");
    assertThat(number(t2, "slum_households_share")).isCloseTo(1.0, within(EXACT));
    assertThat(number(t2, "m0")).isCloseTo(144.0 / 60 / 7, within(EXACT));
    // Alpha = T-001 + T-002: 4 slum households of 8 is 0.5, not the average (1/3 + 1) / 2.
    Row alpha = row("county_month", "1405-08", "county_en = 'Alpha'");
    assertThat(number(alpha, "slum_households_share")).isCloseTo(0.5, within(EXACT));
    assertThat(number(alpha, "h")).isCloseTo(12.0 / 32, within(EXACT));
    assertThat(number(alpha, "a")).isCloseTo(270.0 / 60 / 12, within(EXACT));
    assertThat(number(alpha, "m0")).isCloseTo(270.0 / 60 / 32, within(EXACT));
    Row province = row("province_month", "1405-08", "true");
    assertThat(number(province, "households")).isEqualTo(8);
    assertThat(number(province, "slum_households_share")).isCloseTo(0.5, within(EXACT));
    assertThat(number(province, "m0")).isCloseTo(270.0 / 60 / 32, within(EXACT));
    assertThat(number(province, "coverage")).isCloseTo(8.0 / 27, within(EXACT));
  }

  @Test
  void aRegistrySettlementWithoutDataHasZerosAndNoShares() {
    Row t3 = settlement("T-003");
    assertThat(number(t3, "households")).isZero();
    assertThat(number(t3, "demands_new")).isZero();
    assertThat(number(t3, "activities")).isZero();
    assertThat(t3.isNullAt(t3.fieldIndex("slum_households_share"))).isTrue();
    assertThat(t3.isNullAt(t3.fieldIndex("m0"))).isTrue();
    assertThat(t3.isNullAt(t3.fieldIndex("days_to_resolve_median"))).isTrue();
    assertThat(number(t3, "coverage")).isZero();
    Row beta = row("county_month", "1405-08", "county_en = 'Beta'");
    assertThat(number(beta, "households")).isZero();
    assertThat(beta.isNullAt(beta.fieldIndex("h"))).isTrue();
    assertThat(warehouse.read("marts/settlement_month").where("period = '1405-08'").count())
        .isEqualTo(4);
  }

  @Test
  void hazardZoneAndConsent() {
    Row t2 = settlement("T-002");
    assertThat(number(t2, "hazard_households")).isEqualTo(2);
    assertThat(number(t2, "consent_yes")).isEqualTo(1);
    assertThat(number(t2, "consent_undecided")).isEqualTo(1);
    assertThat(number(t2, "consent_no")).isZero();
  }

  @Test
  void demandsAsTheyStoodAtTheEndOfThePeriod() {
    // T-001 at 1405-08: D5 new (and rejected); D1 (updated in three periods) resolved on the
    // period's
    // last day after 71 days; D2 resolved after exactly 30 days, its agency's SLA; D4 still open:
    // its
    // resolution of 1405/09/05 came later. D4's age at 1405/08/30 is 90 days: the 31–90 bucket.
    Row t1 = settlement("T-001");
    assertThat(number(t1, "demands_new")).isEqualTo(1);
    assertThat(number(t1, "demands_resolved")).isEqualTo(2);
    assertThat(number(t1, "demands_rejected")).isEqualTo(1);
    assertThat(number(t1, "demands_withdrawn")).isZero();
    assertThat(number(t1, "demands_open")).isEqualTo(1);
    assertThat(number(t1, "open_age_31_90")).isEqualTo(1);
    assertThat(number(t1, "open_age_0_30")).isZero();
    assertThat(number(t1, "oldest_open_days")).isEqualTo(90);
    assertThat(number(t1, "households_affected_open")).isEqualTo(25);
    // Median of {30, 71} is 50.5; the 90th percentile 30 + 0.9 × 41 = 66.9.
    assertThat(number(t1, "days_to_resolve_median")).isCloseTo(50.5, within(EXACT));
    assertThat(number(t1, "days_to_resolve_p90")).isCloseTo(66.9, within(1e-9));
    assertThat(number(t1, "sla_met")).isEqualTo(1);
    assertThat(number(t1, "sla_met_share")).isCloseTo(0.5, within(EXACT));
    assertThat(number(t1, "open_overdue")).isEqualTo(1); // 90 days > ag-w's 10
  }

  @Test
  void demandsOfAnEarlierPeriodAsTheyStoodThen() {
    // At 1405-07's end D1 and D4 were in progress and D2 newly registered: all three open.
    Row t1 = row("settlement_month", "1405-07", "settlement_id = 'T-001'");
    assertThat(number(t1, "demands_new")).isEqualTo(1);
    assertThat(number(t1, "demands_open")).isEqualTo(3);
    assertThat(number(t1, "demands_resolved")).isZero();
    // Households at 1405-07: HH-0005 as surveyed in 1405-06 (tanker, head not employed: 11/60) and
    // HH-0006 as surveyed on 1405/07/20.
    assertThat(number(t1, "households")).isEqualTo(2);
    assertThat(number(t1, "dep_water")).isEqualTo(1);
    assertThat(number(t1, "dep_employment")).isEqualTo(1);
    assertThat(number(t1, "poor_households")).isZero();
  }

  @Test
  void agenciesAndCategories() {
    Row water = row("agency_month", "1405-08", "agency_id = 'ag-w'");
    assertThat(number(water, "demands_resolved")).isEqualTo(1);
    assertThat(number(water, "days_to_resolve_median")).isEqualTo(71);
    assertThat(number(water, "sla_met_share")).isZero();
    assertThat(number(water, "open_overdue")).isEqualTo(1);
    assertThat(number(water, "oldest_open_days")).isEqualTo(90);
    Row municipality = row("agency_month", "1405-08", "agency_id = 'ag-m'");
    assertThat(number(municipality, "demands_new")).isEqualTo(2); // D3 and D5
    assertThat(number(municipality, "sla_met_share")).isCloseTo(1.0, within(EXACT));
    assertThat(number(municipality, "oldest_open_days")).isEqualTo(20); // D3 since 1405/08/10
    Row waterT1 =
        row("category_month", "1405-08", "settlement_id = 'T-001' AND category = 'water'");
    assertThat(number(waterT1, "demands_resolved")).isEqualTo(1);
    assertThat(number(waterT1, "demands_open")).isEqualTo(1);
    assertThat(warehouse.read("marts/category_month").where("period = '1405-08'").count())
        .isEqualTo(4 * 14);
  }

  @Test
  void activitiesAndRows() {
    Row t1 = settlement("T-001");
    assertThat(number(t1, "activities")).isEqualTo(1);
    assertThat(number(t1, "participants")).isEqualTo(20);
    assertThat(number(t1, "women_participants")).isEqualTo(12);
    assertThat(number(t1, "rows_accepted_households")).isEqualTo(6);
    assertThat(number(t1, "rows_quarantined_households")).isEqualTo(1); // S7; S8 names T-999
    Row province = row("province_month", "1405-08", "true");
    assertThat(number(province, "activities")).isEqualTo(3);
    assertThat(number(province, "participants")).isEqualTo(38);
    assertThat(number(province, "rows_quarantined_households")).isEqualTo(2);
  }

  @Test
  void completenessCountsOfficesActiveInThePeriod() {
    // 1405-08: OF-A, OF-B and OF-C (opened 1405/08/15) are active; only OF-A sent demands.
    Row august = row("province_month", "1405-08", "true");
    assertThat(number(august, "active_offices")).isEqualTo(3);
    assertThat(number(august, "completeness")).isCloseTo(1.0 / 3, within(EXACT));
    assertThat(number(august, "timeliness")).isCloseTo(1.0 / 3, within(EXACT));
    // 1405-07: OF-C had not opened.
    Row july = row("province_month", "1405-07", "true");
    assertThat(number(july, "active_offices")).isEqualTo(2);
    assertThat(number(july, "completeness")).isCloseTo(0.5, within(EXACT));
    Row ofC = row("office_month", "1405-08", "office_id = 'OF-C'");
    assertThat(ofC.<Boolean>getAs("active")).isTrue();
    assertThat(ofC.<Boolean>getAs("activities_arrived")).isTrue();
    assertThat(ofC.<Boolean>getAs("demands_arrived")).isFalse();
    assertThat((LocalDate) ofC.getAs("activities_first_seen_on"))
        .isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(row("office_month", "1405-07", "office_id = 'OF-C'").<Boolean>getAs("active"))
        .isFalse();
  }

  @Test
  void theOldestOpenDemandsWithoutTheirSummaries() {
    Row d4 = row("open_demands", "1405-08", "settlement_id = 'T-001'");
    assertThat(d4.<String>getAs("demand_id")).isEqualTo("D4");
    assertThat(d4.<Integer>getAs("rank")).isEqualTo(1);
    assertThat(d4.<Integer>getAs("days_open")).isEqualTo(90);
    assertThat(d4.<String>getAs("agency_name_en")).isEqualTo("Water");
    assertThat(warehouse.read("marts/open_demands").columns()).doesNotContain("summary");
  }

  @Test
  void everyOpenDemandIsKeptWithItsSlaAndWhetherItIsOverdue() {
    // 1405-08's end: D4 (ag-w, SLA 10 days) open for 90 days; D3 (ag-m, SLA 30) for 20 days.
    Row d4 = row("open_demands", "1405-08", "demand_id = 'D4'");
    assertThat(d4.<Integer>getAs("sla_days")).isEqualTo(10);
    assertThat(d4.<Boolean>getAs("overdue")).isTrue();
    assertThat(d4.<String>getAs("priority")).isEqualTo("urgent");
    assertThat(d4.<Integer>getAs("households_affected")).isEqualTo(25);
    Row d3 = row("open_demands", "1405-08", "demand_id = 'D3'");
    assertThat(d3.<String>getAs("settlement_id")).isEqualTo("T-002");
    assertThat(d3.<Integer>getAs("sla_days")).isEqualTo(30);
    assertThat(d3.<Integer>getAs("days_open")).isEqualTo(20);
    assertThat(d3.<Boolean>getAs("overdue")).isFalse();
    // As many rows, and as many overdue, as agency_month counts open and overdue.
    for (Row agency :
        warehouse.read("marts/agency_month").where("period = '1405-08'").collectAsList()) {
      String where = "agency_id = '" + agency.<String>getAs("agency_id") + "'";
      var open = warehouse.read("marts/open_demands").where("period = '1405-08' AND " + where);
      assertThat(open.count()).as(where).isEqualTo((long) number(agency, "demands_open"));
      assertThat(open.where("overdue").count())
          .as(where)
          .isEqualTo((long) number(agency, "open_overdue"));
    }
  }

  @Test
  void theAgencyTrendHoldsEachPeriodsOpenAndOverdue() {
    // ag-w (SLA 10 days): at 1405/06/31 D1 (11 days) and D4 (30 days) are open and past it; at
    // 1405/07/30 the same two; at 1405/08/30 D4 alone (D1 was resolved that day).
    List<Row> water =
        warehouse
            .read("marts/agency_trend")
            .where("period = '1405-08' AND agency_id = 'ag-w'")
            .orderBy("trend_period")
            .collectAsList();
    assertThat(water)
        .extracting(
            r -> r.<String>getAs("trend_period"),
            r -> r.<Integer>getAs("demands_open"),
            r -> r.<Integer>getAs("open_overdue"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1405-06", 2, 2),
            org.assertj.core.groups.Tuple.tuple("1405-07", 2, 2),
            org.assertj.core.groups.Tuple.tuple("1405-08", 1, 1));
    assertThat(warehouse.read("marts/agency_trend").where("period = '1405-08'").count())
        .isEqualTo(2 * 3);
  }

  @Test
  void quarantinedRowsByReason() {
    Row members = row("quarantine_reasons", "1405-08", "settlement_id = 'T-001'");
    assertThat(members.<String>getAs("reason")).isEqualTo("OUT_OF_RANGE");
    assertThat(members.<String>getAs("column")).isEqualTo("members");
    assertThat(members.<Integer>getAs("rows")).isEqualTo(1);
    Row unknown = row("quarantine_reasons", "1405-08", "settlement_id IS NULL");
    assertThat(unknown.<String>getAs("reason")).isEqualTo("UNKNOWN_SETTLEMENT");
    assertThat(unknown.<String>getAs("office_id")).isEqualTo("OF-A");
  }

  @Test
  void everyQuarantinedRowWithItsMessageKeyAndOnlyAPrintableValue() {
    Row members = row("quarantined_rows", "1405-08", "column = 'members'");
    assertThat(members.<String>getAs("office_id")).isEqualTo("OF-A");
    assertThat(members.<String>getAs("file")).isEqualTo("households.csv");
    assertThat(members.<Integer>getAs("line")).isEqualTo(8); // S7, 0 members
    assertThat(members.<String>getAs("reason")).isEqualTo("OUT_OF_RANGE");
    assertThat(members.<String>getAs("message_key")).isEqualTo("value.out_of_range");
    assertThat(members.getList(members.fieldIndex("message_arguments")))
        .containsExactly("members", "0", "1", "30");
    assertThat(members.<String>getAs("value")).isEqualTo("0");
    Row unknown = row("quarantined_rows", "1405-08", "reason = 'UNKNOWN_SETTLEMENT'");
    assertThat(unknown.<Integer>getAs("line")).isEqualTo(9);
    assertThat(unknown.<String>getAs("value")).isEqualTo("T-999");
  }

  @Test
  void eachOfficesOpenAndOverdueDemandsByAgency() {
    // OF-A's settlements at 1405-08's end: D4 (water, 90 days, past its 10) and D3 (roads, 20).
    Row water = row("office_agency_month", "1405-08", "office_id = 'OF-A' AND agency_id = 'ag-w'");
    assertThat(number(water, "demands_open")).isEqualTo(1);
    assertThat(number(water, "open_overdue")).isEqualTo(1);
    assertThat(number(water, "oldest_open_days")).isEqualTo(90);
    assertThat(number(water, "sla_days")).isEqualTo(10);
    Row municipality =
        row("office_agency_month", "1405-08", "office_id = 'OF-A' AND agency_id = 'ag-m'");
    assertThat(number(municipality, "open_overdue")).isZero();
    assertThat(number(municipality, "oldest_open_days")).isEqualTo(20);
    assertThat(warehouse.read("marts/office_agency_month").where("period = '1405-08'").count())
        .isEqualTo(2);
  }

  @Test
  void eachOfficesReasonsBesideThePreviousMonths() {
    Row members =
        row("office_reasons", "1405-08", "office_id = 'OF-A' AND reason = 'OUT_OF_RANGE'");
    assertThat(members.<Integer>getAs("rows")).isEqualTo(1);
    assertThat(members.<Integer>getAs("rows_previous")).isZero(); // 1405-07 quarantined none
    // A period before which none was aggregated: the counts before are unknown, not 0.
    List<Row> reasons =
        warehouse.readPeriod("marts/quarantine_reasons", Period.parse("1405-08")).collectAsList();
    Row first =
        org.tashil.aggregate.marts.OfficeReasons.build(
                SparkTests.session(), Period.parse("1405-08"), reasons, null)
            .where("reason = 'OUT_OF_RANGE'")
            .collectAsList()
            .get(0);
    assertThat(first.<Integer>getAs("rows")).isEqualTo(1);
    assertThat(first.<Integer>getAs("rows_previous")).isNull();
  }

  @Test
  void qualityFlagsNeedSixMonthsAndHaveNoValueWithoutTheFile() {
    // T-001's new demands: 2 in 1405-06 (D4, D1), 1 in 1405-07 (D2), 1 in 1405-08 (D5).
    Row t1 =
        row(
            "quality_flags",
            "1405-08",
            "scope = 'settlement' AND key = 'T-001' AND measure = 'new_demands'");
    assertThat(number(t1, "value")).isEqualTo(1);
    assertThat(number(t1, "months_compared")).isEqualTo(2);
    assertThat(number(t1, "median")).isEqualTo(1.5);
    assertThat(t1.<String>getAs("first_compared")).isEqualTo("1405-06");
    assertThat(t1.<Boolean>getAs("flagged")).isFalse();
    // OF-B sent nothing in 1405-08: no demands figure, but 0 surveys (households are not due).
    Row ofB =
        row(
            "quality_flags",
            "1405-08",
            "scope = 'office' AND key = 'OF-B' AND measure = 'new_demands'");
    assertThat(ofB.<Long>getAs("value")).isNull();
    assertThat(
            number(
                row(
                    "quality_flags",
                    "1405-08",
                    "scope = 'office' AND key = 'OF-B' AND measure = 'surveys'"),
                "value"))
        .isZero();
    assertThat(warehouse.read("marts/quality_flags").where("period = '1405-08'").count())
        .isEqualTo((4 + 3) * 5);
  }

  @Test
  void theTrendHoldsEachPeriodsFigures() {
    List<Row> trend =
        warehouse
            .read("marts/trend")
            .where("period = '1405-08' AND scope = 'settlement' AND settlement_id = 'T-001'")
            .orderBy("trend_period")
            .collectAsList();
    assertThat(trend)
        .extracting(r -> r.<String>getAs("trend_period"))
        .containsExactly("1405-06", "1405-07", "1405-08");
    // New: D1 and D4 in 1405-06, D2 in 1405-07, D5 in 1405-08. Open at each end: 2, 3, 1.
    assertThat(trend).extracting(r -> r.<Integer>getAs("demands_new")).containsExactly(2, 1, 1);
    assertThat(trend).extracting(r -> r.<Integer>getAs("demands_open")).containsExactly(2, 3, 1);
    assertThat(
            warehouse
                .read("marts/trend")
                .where("period = '1405-08' AND scope = 'province'")
                .count())
        .isEqualTo(3);
  }

  /**
   * The aggregate reads every earlier period's submissions and the demands' states since their
   * chain began, at a cost by file: a period's submissions are one file, and a state carried from
   * the month before (a union of it and the period's pick) is no more files than the pick's
   * parallelism.
   */
  @Test
  void aPeriodsSubmissionsAndStatesAreWrittenInFewFiles() {
    int parallelism =
        Integer.parseInt(SparkTests.session().conf().get("spark.sql.shuffle.partitions"));
    for (String period : List.of("1405-06", "1405-07", "1405-08")) {
      String folder = "/period=" + period + "/";
      assertThat(warehouse.files("submissions")).filteredOn(f -> f.contains(folder)).hasSize(1);
      for (String state : List.of("state/households", "state/demands")) {
        assertThat(warehouse.files(state))
            .as(state + " " + period)
            .filteredOn(f -> f.contains(folder))
            .hasSizeBetween(1, parallelism);
      }
    }
  }

  @Test
  void reAggregatingGivesTheSameRows() {
    long before = warehouse.read("marts/settlement_month").where("period = '1405-08'").count();
    List<Row> first =
        warehouse
            .read("marts/agency_month")
            .where("period = '1405-08'")
            .orderBy("agency_id")
            .collectAsList();
    new AggregateJob(
            SparkTests.session(), Registry.load(FIXTURE.resolve("reference")), warehouse, 10)
        .run(org.tashil.ingest.IngestedRows.read(warehouse, Period.parse("1405-08")));
    assertThat(warehouse.read("marts/settlement_month").where("period = '1405-08'").count())
        .isEqualTo(before);
    assertThat(
            warehouse
                .read("marts/agency_month")
                .where("period = '1405-08'")
                .orderBy("agency_id")
                .collectAsList())
        .isEqualTo(first);
  }

  @Test
  void aggregateGivesTheSameMartsFromIngestsRowsInMemoryAsFromTheWarehouse(
      @org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
    Period period = Period.parse("1405-08");
    Registry registry = IndicatorWarehouse.registry();
    // A copy of the warehouse, where the month is ingested again as a run does, on the day it was
    // first ingested (same rows); the shared warehouse keeps one version of each period.
    Path copy =
        org.tashil.LocalFolders.copy(
            IndicatorWarehouse.root().resolve("warehouse"), temp.resolve("warehouse"));
    Warehouse copied = new Warehouse(SparkTests.session(), copy.toString());
    org.tashil.ingest.IngestJob.Result ingested =
        new org.tashil.ingest.IngestJob(
                SparkTests.session(),
                registry,
                IndicatorWarehouse.root().resolve("inbox").toString(),
                copied,
                org.tashil.ingest.FileChecker.DEFAULT_MAX_FILE_SIZE)
            .run(period, period.lastDay().plusDays(3));
    AggregateJob aggregate = new AggregateJob(SparkTests.session(), registry, copied, 10);

    AggregateJob.Result fromMemory = aggregate.run(ingested.rows());
    AggregateJob.Result fromWarehouse =
        aggregate.run(org.tashil.ingest.IngestedRows.read(copied, period));

    assertThat(fromMemory.tables().keySet()).isEqualTo(fromWarehouse.tables().keySet());
    fromWarehouse
        .tables()
        .forEach(
            (table, rows) ->
                assertThat(fromMemory.tables().get(table))
                    .as(table)
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(rows));
  }
}
