package org.tashil.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tashil.warehouse.TableFiles.local;
import static org.tashil.warehouse.TableFiles.parquetFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.warehouse.FaultyFileSystem.Call;

/**
 * A commit that fails on the way never costs a version its files. Delta's commit is the rename of
 * its commit file into the log, after which Kernel reads the file's status back: a failure there,
 * or a connection lost after the rename, is reported as a failed commit although the version is
 * written. The warehouse removes a write's new files only when the commit is known not to be
 * written. The faults are injected on the {@code faulty:} file system (the local disk) at the calls
 * Kernel's log store makes: create the hidden temporary commit file, rename it to {@code
 * _delta_log/<version>.json}, read that file's status.
 */
class TestCommitFaults {

  private static final Period JULY = Period.parse("1405-07");
  private static final Period AUGUST = Period.parse("1405-08");
  private static final String VERSION_0 = "00000000000000000000.json";
  private static final String VERSION_1 = "00000000000000000001.json";

  private final SparkSession spark = SparkTests.session();

  TestCommitFaults() {
    FaultyFileSystem.install(spark.sparkContext().hadoopConfiguration());
  }

  @AfterEach
  void noFaultLeftArmed() {
    assertThat(FaultyFileSystem.disarm()).as("the fault happened").isFalse();
  }

  @Test
  void aCommitWhoseFileStatusCouldNotBeReadBackStands(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, FaultyFileSystem.uri(root));
    warehouse.replacePeriod("clean/t", JULY, rows("رضا", JULY));

    FaultyFileSystem.failOnce(Call.GET_FILE_STATUS, VERSION_1);
    warehouse.replacePeriod("clean/t", JULY, rows("علی", JULY));

    assertThat(warehouse.version("clean/t")).isEqualTo(1);
    assertEveryListedFileExists(warehouse, "clean/t");
    assertThat(names(warehouse)).containsExactly("علی|1405-07");
    warehouse.replacePeriod("clean/t", AUGUST, rows("مریم", AUGUST));
    assertThat(warehouse.version("clean/t")).isEqualTo(2);
    assertThat(names(warehouse)).containsExactly("علی|1405-07", "مریم|1405-08");
    assertEveryListedFileExists(warehouse, "clean/t");
  }

  @Test
  void aTableWhoseFirstCommitWasRenamedIntoPlaceOnALostConnectionExists(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, FaultyFileSystem.uri(root));

    FaultyFileSystem.failOnceAfter(Call.RENAME, VERSION_0);
    warehouse.replacePeriod("submissions", JULY, rows("رضا", JULY));

    assertThat(warehouse.version("submissions")).isZero();
    assertEveryListedFileExists(warehouse, "submissions");
    assertThat(names(warehouse, "submissions")).containsExactly("رضا|1405-07");
    warehouse.replacePeriod("submissions", AUGUST, rows("مریم", AUGUST));
    assertThat(names(warehouse, "submissions")).containsExactly("رضا|1405-07", "مریم|1405-08");
  }

  @Test
  void aCommitThatMayNotHaveBeenWrittenKeepsItsFiles(@TempDir Path root) throws IOException {
    Warehouse warehouse = new Warehouse(spark, FaultyFileSystem.uri(root));
    warehouse.replacePeriod("clean/t", JULY, rows("رضا", JULY));

    FaultyFileSystem.failOnce(Call.CREATE, VERSION_1);
    assertThatThrownBy(() -> warehouse.replacePeriod("clean/t", JULY, rows("علی", JULY)))
        .isNotInstanceOf(NotCommittedException.class)
        .hasMessageStartingWith(
            "the commit of " + warehouse.path("clean/t") + " may or may not have been written")
        .hasMessageEndingWith("tashil maintain removes files no version lists");

    assertThat(warehouse.version("clean/t")).isZero();
    assertThat(names(warehouse)).containsExactly("رضا|1405-07");
    // The old version's file and the uncommitted one, which no version lists.
    assertThat(parquetFiles(root.resolve("clean/t"))).hasSize(2);
    warehouse.replacePeriod("clean/t", JULY, rows("مریم", JULY));
    assertThat(names(warehouse)).containsExactly("مریم|1405-07");
    // Maintenance removes the file no version lists, once older than the retention; both
    // versions' files stay.
    for (Path file : parquetFiles(root.resolve("clean/t"))) {
      Files.setLastModifiedTime(
          file,
          java.nio.file.attribute.FileTime.from(
              java.time.Instant.now().minus(java.time.Duration.ofDays(40))));
    }
    Maintenance.Report report =
        new Maintenance(warehouse.root(), spark.sparkContext().hadoopConfiguration())
            .run(java.time.Duration.ofDays(30), java.time.Instant.now());
    assertThat(report.outcomes()).singleElement().extracting("filesRemoved").isEqualTo(1);
    assertThat(parquetFiles(root.resolve("clean/t"))).hasSize(2);
  }

  @Test
  void aCommitWhoseVersionAnotherWriterTookLeavesNoFileBehind(@TempDir Path root)
      throws IOException {
    Warehouse warehouse = new Warehouse(spark, FaultyFileSystem.uri(root));
    warehouse.replacePeriod("clean/t", JULY, rows("رضا", JULY));
    Path log = root.resolve("clean/t/_delta_log");

    // Between the log store's check that version 1 is free and its rename, another writer commits
    // version 1 (an empty commit).
    FaultyFileSystem.beforeOnce(
        Call.CREATE,
        VERSION_1,
        () ->
            Files.writeString(
                log.resolve(VERSION_1),
                "{\"commitInfo\":{\"timestamp\":"
                    + System.currentTimeMillis()
                    + ",\"operation\":\"WRITE\",\"operationParameters\":{},"
                    + "\"engineInfo\":\"another writer\"}}\n",
                StandardCharsets.UTF_8));
    assertThatThrownBy(() -> warehouse.replacePeriod("clean/t", JULY, rows("علی", JULY)))
        .isInstanceOf(NotCommittedException.class)
        .hasMessageContaining("version 1 is another commit's, so this one was not written");

    // Readers stay on the version the warehouse's manifest names.
    assertThat(warehouse.version("clean/t")).isZero();
    assertThat(names(warehouse)).containsExactly("رضا|1405-07");
    assertThat(parquetFiles(root.resolve("clean/t")))
        .containsExactlyInAnyOrderElementsOf(local(warehouse.files("clean/t")));
    warehouse.replacePeriod("clean/t", JULY, rows("علی", JULY));
    assertThat(warehouse.version("clean/t")).isEqualTo(2);
    assertThat(names(warehouse)).containsExactly("علی|1405-07");
  }

  @Test
  void aFailureBeforeTheCommitIsMadeIsKnownNotToBeCommitted(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod(
        "clean/t",
        JULY,
        spark.sql("SELECT 'رضا' AS name, 4 AS members, '1405-07' AS period"),
        "members");
    var hadoop = spark.sparkContext().hadoopConfiguration();
    DeltaLog log = new DeltaLog(hadoop);
    DeltaCommits commits = new DeltaCommits(log, new CommitFiles(hadoop));
    String table = warehouse.path("clean/t");
    DeltaLog.State before = log.state(table, null).orElseThrow();

    // A value of the integer partition column that is not an integer: refused while the commit's
    // actions are made, before Kernel is asked to commit.
    var file =
        new io.delta.kernel.utils.DataFileStatus(
            table + "/period=1405-07/members=four/part-00000.parquet",
            10,
            System.currentTimeMillis(),
            java.util.Optional.empty());
    assertThatThrownBy(
            () ->
                commits.commit(
                    table,
                    before,
                    before.schema(),
                    before.partitionColumns(),
                    Map.of(file, Map.of("period", "1405-07", "members", "four"))))
        .isInstanceOf(NotCommittedException.class)
        .hasMessageContaining("version 1 not committed");
    assertThat(warehouse.version("clean/t")).isZero();
  }

  /** Every data file that the table's current version lists is on the disk. */
  private static void assertEveryListedFileExists(Warehouse warehouse, String table) {
    assertThat(local(warehouse.files(table))).isNotEmpty().allMatch(Files::isRegularFile);
  }

  @Test
  void aRunWhoseLockWasTakenOverPublishesNothing(@TempDir Path root) throws IOException {
    Warehouse warehouse = new Warehouse(spark, FaultyFileSystem.uri(root));
    try (org.tashil.run.WarehouseLock held =
        org.tashil.run.WarehouseLock.acquire(
            warehouse.root(),
            "run 1405-08",
            spark.sparkContext().hadoopConfiguration(),
            java.time.Duration.ofMinutes(10))) {
      warehouse.replacePeriod("clean/t", JULY, rows("رضا", JULY));

      // Paused past its heartbeat, the run's lock is taken over by a run of another machine.
      Path lock = root.resolve("_tashil.lock");
      Files.writeString(
          lock,
          "command=run_1405-08 host=elsewhere.example pid=4242 since=2026-12-06T00:00:00Z"
              + " token=next");
      assertThatThrownBy(() -> warehouse.replacePeriod("clean/t", AUGUST, rows("علی", AUGUST)))
          .isInstanceOf(org.tashil.run.WarehouseLock.HeldException.class)
          .hasMessageContaining("another run took over the warehouse lock")
          .hasMessageContaining("host=elsewhere.example")
          .hasMessageContaining("not published");
      Files.delete(lock);
    }
    assertThat(names(new Warehouse(spark, FaultyFileSystem.uri(root))))
        .containsExactly("رضا|1405-07");
  }

  private Dataset<Row> rows(String name, Period period) {
    return spark.sql("SELECT '" + name + "' AS name, '" + period + "' AS period");
  }

  private static List<String> names(Warehouse warehouse) {
    return names(warehouse, "clean/t");
  }

  /** Each row as name|period, sorted. */
  private static List<String> names(Warehouse warehouse, String table) {
    List<String> names = new ArrayList<>();
    for (Row row : warehouse.read(table).collectAsList()) {
      names.add(row.getAs("name") + "|" + row.getAs(Tables.PERIOD));
    }
    names.sort(null);
    return names;
  }
}
