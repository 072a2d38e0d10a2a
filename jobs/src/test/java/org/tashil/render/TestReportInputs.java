package org.tashil.render;

import static org.assertj.core.api.Assertions.assertThat;

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
}
