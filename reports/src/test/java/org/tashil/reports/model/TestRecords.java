package org.tashil.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tashil.reports.ReportFixtures;

class TestRecords {

  @Test
  void aShareWithoutHouseholdsHasNoValue() {
    assertThat(Share.of(0, 0).present()).isFalse();
    assertThat(Share.of(3, 4).suppressedUnder(5)).isTrue();
    assertThat(Share.of(3, 5).suppressedUnder(5)).isFalse();
  }

  @Test
  void aNegativeShareIsRefused() {
    assertThatThrownBy(() -> new Share(-0.1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a share is a finite number ≥ 0, not -0.1");
  }

  @Test
  void periodsParseAndCount() {
    assertThat(ReportPeriod.parse("1405-08")).isEqualTo(new ReportPeriod(1405, 8));
    assertThat(new ReportPeriod(1405, 1).previous()).isEqualTo(new ReportPeriod(1404, 12));
    assertThatThrownBy(() -> ReportPeriod.parse("1405/08"))
        .hasMessage("a period is written YYYY-MM, e.g. 1405-08, not 1405/08");
  }

  @Test
  void aSettlementReportNeedsAllTenDeprivations() {
    SettlementReport report = ReportFixtures.hasirabad();
    assertThatThrownBy(
            () ->
                new SettlementReport(
                    report.header(),
                    report.keyFigures(),
                    report.deprivations().subList(0, 9),
                    report.poverty(),
                    report.rank(),
                    report.demands(),
                    report.categories(),
                    report.trend(),
                    report.oldestOpenDemands(),
                    report.relocation(),
                    report.activities(),
                    report.dataQuality()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("all ten deprivations are needed, missing: [EMPLOYMENT]");
  }

  @Test
  void oldestOpenDemandsAreKeptOldestFirstAndTrendInTimeOrder() {
    SettlementReport report = ReportFixtures.hasirabad();
    assertThat(report.oldestOpenDemands())
        .extracting(OpenDemand::daysOpen)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(report.trend()).extracting(TrendPoint::period).isSorted();
  }

  @Test
  void moreRelocationAnswersThanHouseholdsIsRefused() {
    assertThatThrownBy(() -> new Relocation(2, 1, 1, 1))
        .hasMessage("more relocation answers than hazard-zone households (2)");
  }

  @Test
  void completenessNeverExceedsAllActiveOffices() {
    assertThatThrownBy(
            () ->
                new ProvinceHeadline(
                    1,
                    KeyFigures.of(0, 0, 0, 0),
                    Poverty.none(),
                    DemandFigures.none(),
                    Activities.none(),
                    Relocation.none(),
                    19,
                    20,
                    0))
        .hasMessage("offices with a demands file is 0–19, not 20");
  }

  @Test
  void quarantineNotesCountTheirRows() {
    var note =
        new DataQualityNote.QuarantinedRows(
            Dataset.DEMANDS,
            100,
            Map.of(RejectReason.BAD_DATE, 2L, RejectReason.UNKNOWN_SETTLEMENT, 9L));
    assertThat(note.rows()).isEqualTo(11);
    assertThat(note.reasonsByRows())
        .extracting(Map.Entry::getKey)
        .containsExactly(RejectReason.UNKNOWN_SETTLEMENT, RejectReason.BAD_DATE);
    assertThat(List.of(Language.fromCode("fa"), Language.fromCode("EN")))
        .containsExactly(Language.PERSIAN, Language.ENGLISH);
  }

  @Test
  void anAgencyReportKeepsItsDemandsByCountyAndSettlementOldestFirst() {
    AgencyReport report = ReportFixtures.waterCompany();
    assertThat(report.openDemands())
        .extracting(AgencyDemand::demandId)
        .containsExactly(
            "D-1398-0412", "D-1405-0301", "D-1404-0077", "D-1405-0288", "DZ-0042", "DZ-0051");
    assertThat(report.trend())
        .hasSize(12)
        .first()
        .extracting(AgencyTrendPoint::period)
        .isEqualTo(new ReportPeriod(1404, 9));
    assertThatThrownBy(() -> new AgencyTrendPoint(new ReportPeriod(1405, 8), 3, 4))
        .hasMessage("1405-08: 4 overdue of 3 open demands");
  }

  @Test
  void aPeriodHasEachAgencysReportOnce() {
    AgencyReport agency = ReportFixtures.waterCompany();
    assertThatThrownBy(
            () ->
                new PeriodReports(
                    ReportFixtures.province(), List.of(), List.of(agency, agency), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agency water_wastewater given twice");
  }
}
