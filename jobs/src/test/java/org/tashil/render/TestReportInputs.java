package org.tashil.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tashil.SparkTests;
import org.tashil.aggregate.AggregateJob;
import org.tashil.aggregate.IndicatorWarehouse;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Warehouse;

class TestReportInputs {

  @Test
  void theRowsAggregateWroteMakeTheSameReportsAsTheRowsReadBack() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    Registry registry = IndicatorWarehouse.registry();
    Period period = Period.parse("1405-08");
    // Aggregating the period again gives the same rows (deterministic), now also in memory.
    AggregateJob.Result aggregated =
        new AggregateJob(SparkTests.session(), registry, warehouse, 10)
            .run(org.tashil.ingest.IngestedRows.read(warehouse, period));

    assertThat(aggregated.tables()).containsOnlyKeys(ReportInputs.TABLES);
    ReportInputs written = new ReportInputs(aggregated.tables(), registry, period);
    ReportInputs read = ReportInputs.read(warehouse, registry, period);

    assertThat(written.provinceReport()).isEqualTo(read.provinceReport());
    assertThat(written.settlementReports())
        .hasSize(registry.settlements().size())
        .isEqualTo(read.settlementReports());
    assertThat(written.agencyReports())
        .hasSize(registry.agencies().size())
        .isEqualTo(read.agencyReports());
    // OF-A, OF-B and OF-C were active in 1405-08.
    assertThat(written.officeReports())
        .extracting(org.tashil.reports.model.OfficeReport::officeId)
        .containsExactly("OF-A", "OF-B", "OF-C");
    assertThat(written.officeReports()).isEqualTo(read.officeReports());
    // Each mart's rows are the ones now in the warehouse, value for value.
    for (String table : ReportInputs.TABLES) {
      assertThat(aggregated.tables().get(table))
          .as(table)
          .containsExactlyInAnyOrderElementsOf(warehouse.readPeriod(table, period).collectAsList());
    }
  }

  @Test
  void everyReasonARowCanBeQuarantinedForHasALabelInTheReports() {
    for (org.tashil.schema.ProblemCode code : org.tashil.schema.ProblemCode.values()) {
      org.tashil.reports.model.RejectReason reason =
          org.tashil.reports.model.RejectReason.valueOf(code.name());
      for (String bundle : java.util.List.of("labels", "labels_en")) {
        assertThat(
                java.util.ResourceBundle.getBundle(
                        "org.tashil.reports." + bundle,
                        java.util.Locale.ROOT,
                        java.util.ResourceBundle.Control.getNoFallbackControl(
                            java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
                    .containsKey(reason.labelKey()))
            .as(bundle + " " + reason.labelKey())
            .isTrue();
      }
    }
  }

  @Test
  void anAgencyReportHoldsEveryDemandOpenAtThePeriodsEndPlacedByTheRegistry() {
    ReportInputs inputs =
        ReportInputs.read(
            IndicatorWarehouse.warehouse(), IndicatorWarehouse.registry(), Period.parse("1405-08"));
    org.tashil.reports.model.AgencyReport water =
        inputs.agencyReports().stream()
            .filter(report -> report.agencyId().equals("ag-w"))
            .findFirst()
            .orElseThrow();
    assertThat(water.performance().slaDays()).isEqualTo(10);
    assertThat(water.asOf()).isEqualTo(java.time.LocalDate.of(2026, 11, 21)); // 1405/08/30
    assertThat(water.trend()).hasSize(3);
    assertThat(water.openDemands())
        .singleElement()
        .satisfies(
            d4 -> {
              assertThat(d4.demandId()).isEqualTo("D4");
              assertThat(d4.officeId()).isEqualTo("OF-A");
              assertThat(d4.settlement().english()).isEqualTo("Test One");
              assertThat(d4.county().persian()).isEqualTo("آلفا");
              assertThat(d4.urgent()).isTrue();
              assertThat(d4.overdue()).isTrue();
              assertThat(d4.daysOpen()).isEqualTo(90);
            });
  }

  @Test
  void theSettlementReportStillListsItsTenOldestOpenDemands() {
    // Twelve demands open in one settlement: its report keeps the ten the mart ranks first.
    Registry registry = IndicatorWarehouse.registry();
    Period period = Period.parse("1405-08");
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    java.util.Map<String, java.util.List<org.apache.spark.sql.Row>> tables =
        new java.util.HashMap<>();
    for (String table : ReportInputs.TABLES) {
      tables.put(table, warehouse.readPeriod(table, period).collectAsList());
    }
    org.apache.spark.sql.Row d4 =
        tables.get(org.tashil.aggregate.marts.Mart.OPEN_DEMANDS.table()).stream()
            .filter(row -> "D4".equals(row.getAs("demand_id")))
            .findFirst()
            .orElseThrow();
    java.util.List<org.apache.spark.sql.Row> open = new java.util.ArrayList<>();
    for (int rank = 1; rank <= 12; rank++) {
      Object[] values = new Object[d4.size()];
      for (int i = 0; i < d4.size(); i++) {
        values[i] = d4.get(i);
      }
      values[d4.fieldIndex("rank")] = rank;
      values[d4.fieldIndex("demand_id")] = "R" + rank;
      values[d4.fieldIndex("days_open")] = 200 - rank;
      open.add(
          new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, d4.schema()));
    }
    tables.put(org.tashil.aggregate.marts.Mart.OPEN_DEMANDS.table(), open);

    ReportInputs inputs = new ReportInputs(tables, registry, period);
    assertThat(
            inputs.settlementReports().stream()
                .filter(report -> report.settlementId().equals("T-001"))
                .findFirst()
                .orElseThrow()
                .oldestOpenDemands())
        .extracting(org.tashil.reports.model.OpenDemand::demandId)
        .containsExactly("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10");
    assertThat(inputs.agencyReports())
        .filteredOn(report -> report.agencyId().equals("ag-w"))
        .singleElement()
        .satisfies(water -> assertThat(water.openDemands()).hasSize(12));
  }

  @Test
  void martsAnEarlierVersionWroteWithoutTheAgencyTrendAreNotRendered() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    Period period = Period.parse("1405-08");
    java.util.Map<String, java.util.List<org.apache.spark.sql.Row>> tables =
        new java.util.HashMap<>();
    for (String table : ReportInputs.TABLES) {
      tables.put(table, warehouse.readPeriod(table, period).collectAsList());
    }
    tables.put(org.tashil.aggregate.marts.Mart.AGENCY_TREND.table(), java.util.List.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ReportInputs(tables, IndicatorWarehouse.registry(), period))
        .hasMessageStartingWith(
            "the marts of 1405-08 were written by an earlier version of Tashil");
  }

  @Test
  void everyMessageARowCanBeQuarantinedWithIsWordedAndHasAFixInTheReports() throws Exception {
    java.util.Properties messages = new java.util.Properties();
    try (var in =
        new java.io.InputStreamReader(
            TestReportInputs.class.getResourceAsStream("/org/tashil/messages.properties"),
            java.nio.charset.StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    List<String> rowMessages =
        messages.stringPropertyNames().stream()
            .filter(key -> key.startsWith("value.") || key.startsWith("rule."))
            .toList();
    assertThat(rowMessages).contains("value.impossible_date", "rule.at_most");
    for (String bundle : List.of("labels", "labels_en")) {
      java.util.ResourceBundle labels =
          java.util.ResourceBundle.getBundle(
              "org.tashil.reports." + bundle,
              java.util.Locale.ROOT,
              java.util.ResourceBundle.Control.getNoFallbackControl(
                  java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
      for (String key : rowMessages) {
        assertThat(labels.containsKey("problem." + key)).as(bundle + " problem." + key).isTrue();
      }
      for (org.tashil.reports.model.RejectReason reason :
          org.tashil.reports.model.RejectReason.values()) {
        String code = reason.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(labels.containsKey("fix." + code)).as(bundle + " fix." + code).isTrue();
        assertThat(labels.containsKey("reason.one." + code))
            .as(bundle + " reason.one." + code)
            .isTrue();
      }
    }
  }

  @Test
  void theQualityMeasuresAreTheReportsMeasures() {
    assertThat(
            java.util.Arrays.stream(org.tashil.aggregate.marts.QualityFlags.Measure.values())
                .map(org.tashil.aggregate.marts.QualityFlags.Measure::code))
        .containsExactlyElementsOf(
            java.util.Arrays.stream(org.tashil.reports.model.QualityMeasure.values())
                .map(org.tashil.reports.model.QualityMeasure::code)
                .toList());
  }

  @Test
  void martsAnEarlierVersionWroteWithoutTheProvincesCategoryRowsAreNotRendered() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    Registry registry = IndicatorWarehouse.registry();
    Period period = Period.parse("1405-08");
    java.util.Map<String, java.util.List<org.apache.spark.sql.Row>> tables =
        new java.util.HashMap<>();
    for (String table : ReportInputs.TABLES) {
      tables.put(table, warehouse.readPeriod(table, period).collectAsList());
    }
    tables.put(
        org.tashil.aggregate.marts.Mart.PROVINCE_CATEGORY_MONTH.table(), java.util.List.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ReportInputs(tables, registry, period))
        .hasMessage(
            "the marts of 1405-08 were written by an earlier version of Tashil: run tashil"
                + " aggregate --period 1405-08 again");
  }

  @Test
  void martsAnEarlierVersionWroteWithoutTheRejectedRowsAreNotRendered() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    Period period = Period.parse("1405-08");
    java.util.Map<String, java.util.List<org.apache.spark.sql.Row>> tables =
        new java.util.HashMap<>();
    for (String table : ReportInputs.TABLES) {
      tables.put(table, warehouse.readPeriod(table, period).collectAsList());
    }
    // 1405-08 quarantined rows: an office's report would say none was.
    assertThat(tables.get(org.tashil.aggregate.marts.Mart.QUARANTINE_REASONS.table())).isNotEmpty();
    tables.put(org.tashil.aggregate.marts.Mart.QUARANTINED_ROWS.table(), java.util.List.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ReportInputs(tables, IndicatorWarehouse.registry(), period))
        .hasMessageContaining("were written by an earlier version of Tashil");
  }
}
