package org.tashil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/** The Parquet files of a Delta table's current version: what DuckDB is given to read. */
class TestDeltaFiles {

  private static final Period PERIOD = Period.parse("1405-08");

  private static Row activity(String id, int participants) {
    return RowFactory.create(
        id,
        "T-001",
        LocalDate.of(2026, 11, 1),
        "workshop",
        participants,
        0,
        "OF-A",
        "activities.csv",
        2,
        PERIOD.toString());
  }

  @Test
  void onlyTheCurrentVersionsFilesAndTheirRows(@TempDir Path temp) throws IOException {
    SparkSession spark = SparkTests.session();
    // A folder name with a space: the files are named as the machine names them.
    Path root = temp.resolve("the warehouse");
    Warehouse warehouse = new Warehouse(spark, root.toString());
    var schema = Tables.clean(OfficeDataset.ACTIVITIES);
    warehouse.replacePeriod(
        "clean/activities",
        PERIOD,
        spark.createDataFrame(List.of(activity("A1", 5), activity("A2", 6)), schema),
        Tables.OFFICE_ID);
    // The period is replaced: the first version's file stays on disk but is no longer the table's.
    warehouse.replacePeriod(
        "clean/activities",
        PERIOD,
        spark.createDataFrame(List.of(activity("A3", 7)), schema),
        Tables.OFFICE_ID);

    DeltaFiles current = DeltaFiles.current(spark, warehouse, "clean/activities");

    try (Stream<Path> all = Files.walk(root.resolve("clean/activities"))) {
      assertThat(all.filter(p -> p.toString().endsWith(".parquet")).count())
          .isGreaterThan(current.files().size());
    }
    assertThat(current.files()).allSatisfy(file -> assertThat(Path.of(file)).isRegularFile());
    assertThat(current.files()).allMatch(file -> file.contains("/period=1405-08/office_id=OF-A/"));
    try (DuckDbSession duckDb = DuckDbSession.open()) {
      duckDb.registerParquet("activities", current.files(), schema);
      MartTable rows = duckDb.query("SELECT activity_id, participants, period FROM activities");
      assertThat(rows.rows())
          .containsExactly(
              java.util.Map.of("activity_id", "A3", "participants", 7, "period", "1405-08"));
    }
  }

  @Test
  void aTableNotWrittenYetHasNoFilesAndReadsAsEmpty(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(SparkTests.session(), root.toString());
    DeltaFiles none = DeltaFiles.current(SparkTests.session(), warehouse, "quarantine/demands");
    assertThat(none.files()).isEmpty();
    try (DuckDbSession duckDb = DuckDbSession.open()) {
      duckDb.registerParquet("quarantine_demands", none.files(), Tables.QUARANTINE);
      MartTable rows =
          duckDb.query(
              "SELECT count(*) AS n, count(raw['settlement_id']) AS named FROM quarantine_demands");
      assertThat(rows.rows()).containsExactly(java.util.Map.of("n", 0L, "named", 0L));
    }
  }

  @Test
  void aTableWithDeletionVectorsIsRefused(@TempDir Path root) {
    SparkSession spark = SparkTests.session();
    Warehouse warehouse = new Warehouse(spark, root.toString());
    spark.sql(
        "CREATE TABLE delta.`"
            + warehouse.path("clean/activities")
            + "` (activity_id STRING) USING delta"
            + " TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    assertThatThrownBy(() -> DeltaFiles.current(spark, warehouse, "clean/activities"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "clean/activities uses Delta's deletionVectors: its Parquet files alone do not hold"
                + " its rows, and Tashil reads only those");
  }
}
