package org.tashil.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tashil.warehouse.TableFiles.parquetFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;

/**
 * The warehouse's tables are Delta tables whichever side reads or writes them: what Tashil commits
 * (its own log work, Spark writing only the Parquet files) Delta Lake's own reader reads the same,
 * and a table Delta Lake wrote Tashil replaces a period in.
 */
class TestWarehouse {

  private static final StructType SCHEMA =
      new StructType()
          .add("name", DataTypes.StringType)
          .add("members", DataTypes.IntegerType)
          .add("surveyed_on", DataTypes.DateType)
          .add(Tables.OFFICE_ID, DataTypes.StringType)
          .add(Tables.PERIOD, DataTypes.StringType);

  /**
   * A warehouse written by the previous version of Tashil (before its tables had a manifest):
   * {@code tashil run --period 1405-08} on {@code src/test/resources/inbox}; see its README.
   */
  private static final Path PREVIOUS = Path.of("src/test/resources/previous-warehouse");

  private static final Period JULY = Period.parse("1405-07");
  private static final Period AUGUST = Period.parse("1405-08");

  private final SparkSession spark = SparkTests.session();

  @Test
  void aReplacedPeriodIsOneCommitThatDeltaLakeReadsAlike(@TempDir Path root) throws Exception {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod(
        "clean/t",
        JULY,
        rows(row("رضا", 4, "OF-01", JULY), row("زهرا", null, "OF 03/ب", JULY)),
        Tables.OFFICE_ID);
    warehouse.replacePeriod(
        "clean/t",
        AUGUST,
        rows(row("علی", 5, "OF-01", AUGUST), row("مریم", 2, "OF-02", AUGUST)),
        Tables.OFFICE_ID);
    warehouse.replacePeriod(
        "clean/t", AUGUST, rows(row("حسین", 3, "OF-01", AUGUST)), Tables.OFFICE_ID);

    List<String> expected =
        List.of("حسین|3|OF-01|1405-08", "رضا|4|OF-01|1405-07", "زهرا|null|OF 03/ب|1405-07");
    assertThat(text(warehouse.read("clean/t"))).isEqualTo(expected);
    assertThat(text(deltaLake(warehouse, "clean/t"))).isEqualTo(expected);
    assertThat(text(warehouse.readPeriod("clean/t", AUGUST)))
        .containsExactly("حسین|3|OF-01|1405-08");
    assertThat(warehouse.read("clean/t").schema()).isEqualTo(SCHEMA);
    assertThat(deltaLake(warehouse, "clean/t").schema()).isEqualTo(SCHEMA);

    // Three commits: versions 0, 1, 2; the replaced files are no longer the table's.
    assertThat(warehouse.version("clean/t")).isEqualTo(2);
    assertThat(
            io.delta.tables.DeltaTable.forPath(spark, warehouse.path("clean/t")).history().count())
        .isEqualTo(3);
    assertThat(warehouse.files("clean/t")).hasSize(3);
    assertThat(warehouse.partitionColumns("clean/t"))
        .containsExactly(Tables.PERIOD, Tables.OFFICE_ID);
    try (Stream<Path> staged = Files.walk(root.resolve("clean/t/_tashil_staging"))) {
      assertThat(staged.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aTableDeltaLakeWroteHasItsPeriodReplaced(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    for (Period period : List.of(JULY, AUGUST)) {
      rows(row("رضا", 4, "OF-01", period), row("زهرا", 2, "OF-02", period))
          .write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .option("replaceWhere", "period = '" + period + "'")
          .partitionBy(Tables.PERIOD, Tables.OFFICE_ID)
          .save(warehouse.path("clean/t"));
    }

    warehouse.replacePeriod("clean/t", JULY, rows(row("علی", 5, "OF-02", JULY)), Tables.OFFICE_ID);

    List<String> expected =
        List.of("رضا|4|OF-01|1405-08", "زهرا|2|OF-02|1405-08", "علی|5|OF-02|1405-07");
    assertThat(text(warehouse.read("clean/t"))).isEqualTo(expected);
    assertThat(text(deltaLake(warehouse, "clean/t"))).isEqualTo(expected);
    assertThat(warehouse.version("clean/t")).isEqualTo(2);
  }

  @Test
  void rowsOfAnotherPeriodAreRefusedAndNothingIsCommitted(@TempDir Path root) throws Exception {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod("clean/t", JULY, rows(row("رضا", 4, "OF-01", JULY)), Tables.OFFICE_ID);

    assertThatThrownBy(
            () ->
                warehouse.replacePeriod(
                    "clean/t",
                    AUGUST,
                    rows(row("علی", 5, "OF-01", AUGUST), row("زهرا", 2, "OF-01", JULY)),
                    Tables.OFFICE_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not of 1405-08");
    assertThat(warehouse.version("clean/t")).isZero();
    assertThat(text(warehouse.read("clean/t"))).containsExactly("رضا|4|OF-01|1405-07");
    assertThat(parquetFiles(root.resolve("clean/t"))).hasSize(1);
  }

  @Test
  void whatAKilledWriteLeftInTheStagingFolderGoesWithTheNextWrite(@TempDir Path root)
      throws Exception {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod("clean/t", JULY, rows(row("رضا", 4, "OF-01", JULY)), Tables.OFFICE_ID);
    Path left = root.resolve("clean/t/_tashil_staging/killed/period=1405-08/office_id=OF-01");
    Files.createDirectories(left);
    Files.writeString(left.resolve("part-00000.parquet"), "half a file");

    warehouse.replacePeriod(
        "clean/t", AUGUST, rows(row("علی", 5, "OF-01", AUGUST)), Tables.OFFICE_ID);
    assertThat(root.resolve("clean/t/_tashil_staging/killed")).doesNotExist();
    assertThat(parquetFiles(root.resolve("clean/t"))).hasSize(2);
    assertThat(text(warehouse.read("clean/t")))
        .containsExactly("رضا|4|OF-01|1405-07", "علی|5|OF-01|1405-08");
  }

  @Test
  void rowsWithOtherColumnsOrPartitionsAreRefused(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod("clean/t", JULY, rows(row("رضا", 4, "OF-01", JULY)), Tables.OFFICE_ID);

    Dataset<Row> fewer = rows(row("علی", 5, "OF-01", AUGUST)).drop("members");
    assertThatThrownBy(() -> warehouse.replacePeriod("clean/t", AUGUST, fewer, Tables.OFFICE_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "has the column members (int), which the rows written now do not have");
    assertThatThrownBy(
            () -> warehouse.replacePeriod("clean/t", AUGUST, rows(row("علی", 5, "OF-01", AUGUST))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is partitioned by [period, office_id]");
    assertThat(warehouse.version("clean/t")).isZero();
  }

  /**
   * A column a write gives one value in every row (a state's basis) is checked from the files'
   * footers: the value each period expects in every file, with a second value, a null or another
   * value refused, and the periods outside the range not looked at.
   */
  @Test
  void aColumnOfOneValueAWriteIsCheckedFromTheFooters(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    Period june = Period.parse("1405-06");
    Period may = Period.parse("1405-05");
    // Several files a period: each must hold the value.
    warehouse.replacePeriod(
        "state/t",
        may,
        rows(row("الف", 1, "OF-01", may), row("الف", 2, "OF-02", may)),
        Tables.OFFICE_ID);
    warehouse.replacePeriod(
        "state/t",
        june,
        rows(row("ب", 1, "OF-01", june), row("پ", 2, "OF-01", june)),
        Tables.OFFICE_ID);
    warehouse.replacePeriod(
        "state/t",
        JULY,
        rows(row("ت", 1, "OF-01", JULY), row(null, 2, "OF-01", JULY)),
        Tables.OFFICE_ID);
    warehouse.replacePeriod(
        "state/t", AUGUST, rows(row("ث", 1, "OF-01", AUGUST)), Tables.OFFICE_ID);
    Map<Period, String> expected = Map.of(may, "الف", june, "ب", JULY, "ت", AUGUST, "ث");
    Map<String, java.util.function.Function<Period, String>> name = Map.of("name", expected::get);

    assertThat(warehouse.holdsInEveryRow("state/t", may, may, name)).isTrue();
    assertThat(warehouse.holdsInEveryRow("state/t", AUGUST, AUGUST, name)).isTrue();
    assertThat(warehouse.holdsInEveryRow("state/t", Period.parse("1405-01"), may, name)).isTrue();
    // Two values in one file; a null beside the value; every period, with those among them.
    assertThat(warehouse.holdsInEveryRow("state/t", june, june, name)).isFalse();
    assertThat(warehouse.holdsInEveryRow("state/t", JULY, JULY, name)).isFalse();
    assertThat(warehouse.holdsInEveryRow("state/t", may, AUGUST, name)).isFalse();
    // Another value than the one expected; a column that is not a text; a column not there.
    assertThat(warehouse.holdsInEveryRow("state/t", may, may, Map.of("name", any -> "ب")))
        .isFalse();
    assertThat(warehouse.holdsInEveryRow("state/t", AUGUST, AUGUST, Map.of("members", any -> "1")))
        .isFalse();
    assertThat(warehouse.holdsInEveryRow("state/t", AUGUST, AUGUST, Map.of("basis", any -> "ث")))
        .isFalse();
  }

  @Test
  void aRangeOfPeriodsIsReadFromItsFilesAlone(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    Period may = Period.parse("1405-05");
    Period june = Period.parse("1405-06");
    for (Period period : List.of(may, june, JULY, AUGUST)) {
      warehouse.replacePeriod(
          "marts/t",
          period,
          rows(row("الف", 1, "OF-01", period), row("ب", 2, "OF-02", period)),
          Tables.OFFICE_ID);
    }
    // A period's file of an earlier version: replaced, on the disk, in no range's read.
    warehouse.replacePeriod("marts/t", june, rows(row("پ", 3, "OF-01", june)), Tables.OFFICE_ID);

    Dataset<Row> read = warehouse.readPeriods("marts/t", new PeriodRange(june, JULY));
    assertThat(read.inputFiles())
        .hasSize(3)
        .allMatch(file -> file.contains("period=1405-06") || file.contains("period=1405-07"));
    assertThat(read.select("name", "period").orderBy("period", "name").collectAsList())
        .map(Row::toString)
        .containsExactly("[پ,1405-06]", "[الف,1405-07]", "[ب,1405-07]");
    assertThat(warehouse.readPeriods("marts/t", new PeriodRange(AUGUST, AUGUST)).count())
        .isEqualTo(2);
    assertThat(warehouse.readPeriods("marts/t", PeriodRange.parse("1404-01..1405-04")).columns())
        .contains("name", "period");
    assertThat(warehouse.readPeriods("marts/t", PeriodRange.parse("1404-01..1405-04")).count())
        .isZero();
  }

  @Test
  void anEmptyPeriodReadsAsNoRowsAndCommitsNothing(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod("quarantine/t", JULY, rows(), Tables.OFFICE_ID);
    assertThat(warehouse.exists("quarantine/t")).isTrue();
    assertThat(warehouse.read("quarantine/t").schema()).isEqualTo(SCHEMA);
    assertThat(warehouse.read("quarantine/t").count()).isZero();

    warehouse.replacePeriod("quarantine/t", AUGUST, rows(), Tables.OFFICE_ID);
    assertThat(warehouse.version("quarantine/t")).isZero();
    assertThat(warehouse.readPeriod("quarantine/t", AUGUST).count()).isZero();
    assertThatThrownBy(() -> warehouse.read("clean/none"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no table clean/none");
  }

  @Test
  void everyTenthCommitLeavesACheckpointBothReadersStartFrom(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    List<String> expected = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      Period period = Period.parse(String.format("1404-%02d", month));
      warehouse.replacePeriod(
          "marts/t", period, rows(row("ماه " + month, month, "OF-01", period)), Tables.OFFICE_ID);
      expected.add("ماه " + month + "|" + month + "|OF-01|" + period);
    }
    assertThat(root.resolve("marts/t/_delta_log/00000000000000000010.checkpoint.parquet")).exists();
    expected.sort(null);
    assertThat(text(warehouse.read("marts/t"))).isEqualTo(expected);
    assertThat(text(deltaLake(warehouse, "marts/t"))).isEqualTo(expected);
  }

  @Test
  void aTableWhoseFilesAloneDoNotHoldItsRowsIsRefused(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    createWithDeltaLake(
        warehouse,
        "'delta.columnMapping.mode' = 'name', 'delta.minReaderVersion' = '2',"
            + " 'delta.minWriterVersion' = '5'");
    assertThatThrownBy(() -> warehouse.read("clean/t"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uses Delta's columnMapping");
    assertThatThrownBy(
            () ->
                warehouse.replacePeriod(
                    "clean/t", JULY, spark.sql("SELECT 'رضا' AS name, '1405-07' AS period")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uses Delta's columnMapping");
  }

  @Test
  void aTableWhoseFilesAreNotInTheirPartitionsFoldersIsRefused(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    createWithDeltaLake(warehouse, "'delta.randomizeFilePrefixes' = 'true'");
    spark.sql("INSERT INTO delta.`" + warehouse.path("clean/t") + "` VALUES ('رضا', '1405-07')");
    assertThatThrownBy(() -> warehouse.read("clean/t"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has a file outside the folders of its partition values");
  }

  @Test
  void aGroupStoppedBeforeItsEndIsNotSeenAndTheNextGroupUndoesIt(@TempDir Path root)
      throws Exception {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod("clean/a", JULY, rows(row("رضا", 4, "OF-01", JULY)), Tables.OFFICE_ID);
    warehouse.replacePeriod("clean/b", JULY, rows(row("رضا", 4, "OF-01", JULY)), Tables.OFFICE_ID);

    // A stage that commits clean/a and creates clean/c, then stops before clean/b (as a run
    // killed between two commits does).
    assertThatThrownBy(
            () ->
                warehouse.group(
                    "ingest " + JULY,
                    () -> {
                      warehouse.replacePeriod(
                          "clean/a", JULY, rows(row("علی", 5, "OF-01", JULY)), Tables.OFFICE_ID);
                      warehouse.replacePeriod(
                          "clean/c", JULY, rows(row("علی", 5, "OF-01", JULY)), Tables.OFFICE_ID);
                      // Inside the group, its own commits are read.
                      assertThat(text(warehouse.read("clean/a")))
                          .containsExactly("علی|5|OF-01|1405-07");
                      throw new java.io.IOException("stopped");
                    }))
        .hasMessage("stopped");
    assertThat(text(deltaLake(warehouse, "clean/a"))).containsExactly("علی|5|OF-01|1405-07");

    // Every reader, in this process or another, reads the state before the group.
    for (Warehouse reader : List.of(warehouse, new Warehouse(spark, root.toString()))) {
      assertThat(text(reader.read("clean/a"))).containsExactly("رضا|4|OF-01|1405-07");
      assertThat(reader.version("clean/a")).isZero();
      assertThat(reader.files("clean/a")).hasSize(1);
      assertThat(reader.exists("clean/c")).isFalse();
      assertThat(reader.tables())
          .extracting(table -> table[1])
          .containsExactly("clean/a", "clean/b");
    }

    // The next group first brings clean/a back (a new commit listing version 0's file) and
    // clean/c to no rows; then its own write is seen with the rest.
    Warehouse next = new Warehouse(spark, root.toString());
    next.replacePeriod("clean/b", AUGUST, rows(row("مریم", 2, "OF-02", AUGUST)), Tables.OFFICE_ID);
    assertThat(text(deltaLake(next, "clean/a"))).containsExactly("رضا|4|OF-01|1405-07");
    assertThat(deltaLake(next, "clean/c").count()).isZero();
    assertThat(next.version("clean/a")).isEqualTo(2);
    assertThat(text(next.read("clean/b")))
        .containsExactly("رضا|4|OF-01|1405-07", "مریم|2|OF-02|1405-08");
    assertThat(next.exists("clean/c")).isFalse();
    assertThat(text(new Warehouse(spark, root.toString()).read("clean/a")))
        .containsExactly("رضا|4|OF-01|1405-07");
  }

  @Test
  void writesOutsideAGroupFromSeveralThreadsAreEachSeen(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    List<Runnable> writes = new ArrayList<>();
    for (String table : List.of("clean/a", "clean/b", "clean/c", "clean/d")) {
      writes.add(
          () ->
              warehouse.replacePeriod(
                  table, JULY, rows(row(table, 1, "OF-01", JULY)), Tables.OFFICE_ID));
    }
    Parallel.run(writes);
    Warehouse reader = new Warehouse(spark, root.toString());
    for (String table : List.of("clean/a", "clean/b", "clean/c", "clean/d")) {
      assertThat(text(reader.read(table))).containsExactly(table + "|1|OF-01|1405-07");
    }
  }

  @Test
  void aTableOfThePreviousVersionTakesANewColumnAndRefusesAChangedOne(@TempDir Path root) {
    org.tashil.LocalFolders.copy(PREVIOUS, root);
    Warehouse warehouse = new Warehouse(spark, root.toString());
    String table = "marts/settlement_month";
    String[] partitions =
        warehouse.partitionColumns(table).stream()
            .filter(column -> !column.equals(Tables.PERIOD))
            .toArray(String[]::new);
    Dataset<Row> august = warehouse.readPeriod(table, AUGUST);
    long settlements = august.count();
    assertThat(settlements).isPositive();
    Period september = Period.parse("1405-09");
    Dataset<Row> next =
        august
            .withColumn(Tables.PERIOD, functions.lit(september.toString()))
            .withColumn("new_figure", functions.lit(7));

    warehouse.replacePeriod(table, september, next, partitions);
    for (Dataset<Row> rows :
        List.of(new Warehouse(spark, root.toString()).read(table), deltaLake(warehouse, table))) {
      assertThat(rows.schema().fieldNames()).endsWith("new_figure");
      assertThat(rows.where("period = '1405-08' AND new_figure IS NULL").count())
          .isEqualTo(settlements);
      assertThat(rows.where("period = '1405-09' AND new_figure = 7").count())
          .isEqualTo(settlements);
    }

    // A column the rows no longer have, or hold as another type, is refused before any commit.
    long version = warehouse.version(table);
    String column = august.schema().fieldNames()[1];
    assertThatThrownBy(
            () -> warehouse.replacePeriod(table, september, next.drop(column), partitions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(table + " has the column " + column)
        .hasMessageContaining("which the rows written now do not have")
        .hasMessageContaining("move the folder " + warehouse.path(table) + " aside")
        .hasMessageContaining("tashil aggregate --period");
    assertThatThrownBy(
            () ->
                warehouse.replacePeriod(
                    table,
                    september,
                    next.withColumn("new_figure", functions.lit("هفت")),
                    partitions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "has the column new_figure (int), which the rows written now hold as string");
    assertThat(warehouse.version(table)).isEqualTo(version);
  }

  @Test
  void aWarehouseOfThePreviousVersionIsRunAgainAndKeptWhole(@TempDir Path root) throws Exception {
    org.tashil.LocalFolders.copy(PREVIOUS, root.resolve("warehouse"));
    Map<String, Long> before = new java.util.TreeMap<>();
    Warehouse previous = new Warehouse(spark, root.resolve("warehouse").toString());
    for (String[] table : previous.tables()) {
      before.put(table[1], previous.read(table[1]).count());
    }
    assertThat(before).containsKeys("clean/households", "submissions", "marts/settlement_month");

    picocli.CommandLine tashil = org.tashil.cli.Tashil.commandLine();
    tashil.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    int exit =
        tashil.execute(
            "run",
            "--period",
            "1405-08",
            "--inbox",
            org.tashil.Fixtures.copyInbox(root.resolve("inbox")).toString(),
            "--warehouse",
            root.resolve("warehouse").toString(),
            "--reports",
            root.resolve("reports").toString(),
            "--reference",
            org.tashil.Fixtures.REFERENCE.toString(),
            "--today",
            "2026-11-27",
            "--force");
    assertThat(exit).isZero();
    Warehouse now = new Warehouse(spark, root.resolve("warehouse").toString());
    Map<String, Long> after = new java.util.TreeMap<>();
    for (String[] table : now.tables()) {
      after.put(table[1], now.read(table[1]).count());
    }
    // Every table keeps its rows; the tables this version adds are the province's category mart,
    // the agencies' trend, the office feedback's marts and the carried states.
    assertThat(after).containsAllEntriesOf(before);
    assertThat(after.keySet())
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(
                    before.keySet().stream(),
                    Stream.of(
                        "marts/province_category_month",
                        "marts/agency_trend",
                        "marts/quarantined_rows",
                        "marts/office_agency_month",
                        "marts/office_reasons",
                        "marts/quality_flags",
                        "state/households",
                        "state/demands"))
                .toList());
    assertThat(root.resolve("warehouse/" + CommittedVersions.FOLDER)).isDirectory();
  }

  /** Creates {@code clean/t} (name, period) with Delta Lake's SQL and these table properties. */
  private void createWithDeltaLake(Warehouse warehouse, String properties) {
    spark.sql(
        "CREATE TABLE delta.`"
            + warehouse.path("clean/t")
            + "` (name STRING, period STRING) USING delta PARTITIONED BY (period) TBLPROPERTIES ("
            + properties
            + ")");
  }

  private Dataset<Row> deltaLake(Warehouse warehouse, String table) {
    return spark.read().format("delta").load(warehouse.path(table));
  }

  private Dataset<Row> rows(Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  private static Row row(String name, Integer members, String office, Period period) {
    return RowFactory.create(
        name, members, java.time.LocalDate.of(2026, 10, 1), office, period.toString());
  }

  /** Each row as name|members|office|period, sorted. */
  private static List<String> text(Dataset<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      assertThat(row.<Object>getAs("surveyed_on")).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
      lines.add(
          row.getAs("name")
              + "|"
              + row.getAs("members")
              + "|"
              + row.getAs(Tables.OFFICE_ID)
              + "|"
              + row.getAs(Tables.PERIOD));
    }
    lines.sort(null);
    return lines;
  }
}
