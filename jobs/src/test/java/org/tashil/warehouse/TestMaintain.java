package org.tashil.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tashil.warehouse.TableFiles.local;
import static org.tashil.warehouse.TableFiles.parquetFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.cli.Settings;
import org.tashil.cli.UsageException;

/**
 * {@code tashil maintain} removes the data files that no version within the retention lists, and
 * nothing that one does: a table's versions since the start of the retention read as before,
 * through Kernel's time travel.
 */
class TestMaintain {

  private static final StructType SCHEMA =
      new StructType()
          .add("name", DataTypes.StringType)
          .add(Tables.OFFICE_ID, DataTypes.StringType)
          .add(Tables.PERIOD, DataTypes.StringType);

  private static final Period JULY = Period.parse("1405-07");
  private static final Period AUGUST = Period.parse("1405-08");

  /** The rows of {@link #fourVersions}' versions. */
  private static final List<List<String>> VERSIONS =
      List.of(
          List.of("رضا|OF-01|1405-07", "زهرا|OF 03/ب|1405-07"),
          List.of("مریم|OF-01|1405-07"),
          List.of("علی|OF-01|1405-08", "مریم|OF-01|1405-07"),
          List.of("حسین|OF 03/ب|1405-07", "علی|OF-01|1405-08"));

  private final SparkSession spark = SparkTests.session();
  private final Configuration hadoop = spark.sparkContext().hadoopConfiguration();

  @Test
  void withNoRetentionOnlyTheLatestVersionsFilesStay(@TempDir Path root) throws IOException {
    Warehouse warehouse = fourVersions(root);
    Path table = root.resolve("clean/t");
    List<Path> latest = local(warehouse.files("clean/t"));
    List<Path> gone = new ArrayList<>(parquetFiles(table));
    gone.removeAll(latest);
    assertThat(gone).hasSize(5); // versions 0 and 1's three, the orphan, the staging leftover
    long freed = bytes(gone);

    Maintenance.Report report =
        new Maintenance(root.toString(), hadoop).run(Duration.ZERO, Instant.now());

    assertThat(report.failures()).isEmpty();
    assertThat(report.outcomes())
        .containsExactly(
            new Maintenance.Outcome("clean/t", 5, freed, 3, 3),
            new Maintenance.Outcome("marts/m", 0, 0, 0, 0));
    assertThat(parquetFiles(table)).containsExactlyInAnyOrderElementsOf(latest);
    assertThat(table.resolve("_tashil_staging")).doesNotExist();
    assertThat(names(warehouse.read("clean/t"))).isEqualTo(VERSIONS.get(3));
    assertThat(table.resolve("_delta_log/00000000000000000003.checkpoint.parquet")).exists();
    assertThat(root.resolve("marts/m/_delta_log/00000000000000000000.checkpoint.parquet")).exists();
    assertThat(names(warehouse.read("marts/m"))).containsExactly("علی|OF-01|1405-08");
  }

  @Test
  void withinTheRetentionEveryVersionStaysReadable(@TempDir Path root) throws IOException {
    Warehouse warehouse = fourVersions(root);
    Path table = root.resolve("clean/t");
    long freed = bytes(leftovers(root));

    // A file no version lists yet, written within the retention: a write that may still commit
    // it (a run whose lock was taken over while it was paused) keeps it.
    Path recent = table.resolve("period=1405-08/office_id=OF-01/part-00000-recent.c000.parquet");
    Files.writeString(recent, "a write in flight");

    Maintenance.Report report =
        new Maintenance(root.toString(), hadoop).run(Duration.ofDays(30), Instant.now());

    assertThat(report.outcomes().get(0))
        .isEqualTo(new Maintenance.Outcome("clean/t", 2, freed, 0, 3));
    assertThat(parquetFiles(table))
        .hasSize(6)
        .contains(recent)
        .doesNotContainAnyElementsOf(leftovers(root));
    for (int version = 0; version < VERSIONS.size(); version++) {
      assertThat(atVersion(warehouse, version)).isEqualTo(VERSIONS.get(version));
    }
  }

  @Test
  void versionsReplacedBeforeTheRetentionLoseTheirFiles(@TempDir Path root) throws IOException {
    Warehouse warehouse = fourVersions(root);
    Path log = root.resolve("clean/t/_delta_log");
    Instant now = Instant.now();
    // Versions 0 and 1 were committed 40 days ago: version 1 was current 30 days ago.
    Files.setLastModifiedTime(
        log.resolve("00000000000000000000.json"), FileTime.from(now.minus(Duration.ofDays(40))));
    Files.setLastModifiedTime(
        log.resolve("00000000000000000001.json"),
        FileTime.from(now.minus(Duration.ofDays(40)).plusSeconds(60)));
    List<Path> versionZero = local(new DeltaLog(hadoop).files(version(warehouse, 0)));
    for (Path file : versionZero) {
      Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofDays(40))));
    }

    Maintenance.Report report =
        new Maintenance(root.toString(), hadoop).run(Duration.ofDays(30), now);

    assertThat(report.outcomes().get(0).oldestKept()).isEqualTo(1);
    assertThat(report.outcomes().get(0).filesRemoved()).isEqualTo(4);
    assertThat(versionZero).hasSize(2).noneMatch(Files::exists);
    for (int version = 1; version < VERSIONS.size(); version++) {
      assertThat(atVersion(warehouse, version)).isEqualTo(VERSIONS.get(version));
    }
  }

  @Test
  void theLogFilesTheLogRetentionLetsGoTakeTheirVersionsWithThem(@TempDir Path root)
      throws IOException {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    for (int month = 0; month < 12; month++) {
      write(warehouse, JULY, row("ماه " + month, "OF-01", JULY));
    }
    // Versions 0 to 10 (10 has Kernel's checkpoint) were written and committed 40 days ago.
    Path log = root.resolve("clean/t/_delta_log");
    Instant now = Instant.now();
    for (Path file : parquetFiles(root.resolve("clean/t"))) {
      Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofDays(41))));
    }
    try (Stream<Path> files = Files.list(log)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.matches("\\d{20}\\..*") && Long.parseLong(name.substring(0, 20)) <= 10) {
          long version = Long.parseLong(name.substring(0, 20));
          Files.setLastModifiedTime(
              file, FileTime.from(now.minus(Duration.ofDays(40)).plusSeconds(60 * version)));
        }
      }
    }

    // A retention longer than the log's (30 days): versions 0 to 9 cannot be read once their
    // commit files are gone; their files, which no readable version lists, go once they are older
    // than the retention (20 days later), as a file no version lists does.
    Path table = root.resolve("clean/t");
    Maintenance.Report report =
        new Maintenance(root.toString(), hadoop).run(Duration.ofDays(60), now);
    assertThat(report.outcomes()).containsExactly(new Maintenance.Outcome("clean/t", 0, 0, 10, 11));
    assertThat(log.resolve("00000000000000000011.checkpoint.parquet")).exists();
    assertThat(log.resolve("00000000000000000009.json")).doesNotExist();

    long bytesBefore = bytes(parquetFiles(table));
    report =
        new Maintenance(root.toString(), hadoop)
            .run(Duration.ofDays(60), now.plus(Duration.ofDays(20)));
    assertThat(report.outcomes())
        .containsExactly(
            new Maintenance.Outcome(
                "clean/t", 10, bytesBefore - bytes(parquetFiles(table)), 10, 11));
    assertThat(log.resolve("00000000000000000010.json")).exists();
    assertThat(parquetFiles(root.resolve("clean/t"))).hasSize(2);
    assertThat(atVersion(warehouse, 10)).containsExactly("ماه 10|OF-01|1405-07");
    assertThat(names(warehouse.read("clean/t"))).containsExactly("ماه 11|OF-01|1405-07");
  }

  @Test
  void aTableWhoseLogCannotBeReadKeepsEveryFileAndTheCommandExitsOne(@TempDir Path root)
      throws IOException {
    Warehouse warehouse = fourVersions(root);
    Files.writeString(root.resolve("marts/m/_delta_log/00000000000000000001.json"), "{half");
    int filesBefore = parquetFiles(root.resolve("marts/m")).size();
    long freed = bytes(leftovers(root));

    CommandResult run = Fixtures.tashil("maintain", "--warehouse", root.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).contains("tashil maintain: marts/m left as it was: ");
    assertThat(run.out())
        .contains("clean/t: 2 files removed (" + freed + " bytes)")
        .doesNotContain("marts/m");
    assertThat(parquetFiles(root.resolve("marts/m"))).hasSize(filesBefore);
    assertThat(names(warehouse.read("clean/t"))).isEqualTo(VERSIONS.get(3));
  }

  @Test
  void theCommandPrintsALinePerTableAndATotal(@TempDir Path root) throws IOException {
    fourVersions(root);
    long freed = bytes(parquetFiles(root.resolve("clean/t"))) - bytes(latestFiles(root));

    CommandResult run =
        Fixtures.tashil("maintain", "--warehouse", root.toString(), "--retention", "0d");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "clean/t: 5 files removed ("
                + freed
                + " bytes), version 3 kept, checkpoint at version 3\n"
                + "marts/m: 0 files removed (0 bytes), version 0 kept, checkpoint at version 0\n"
                + "total: 5 files removed ("
                + freed
                + " bytes) from 2 tables\n");
    assertThat(Fixtures.tashil("maintain", "--warehouse", root.toString()).out())
        .startsWith("clean/t: 0 files removed (0 bytes), versions 0..3 kept,");
  }

  @Test
  void theRetentionIsADaysSetting() {
    assertThat(Fixtures.tashil("config", "--retention", "7").out())
        .contains("retention = 7 (7 days)    # option --retention");
    assertThat(Fixtures.tashil("config").out()).contains("retention = 30d (30 days)    # default");
    CommandResult bad = Fixtures.tashil("maintain", "--retention", "3w");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--retention is a number of days such as 30d or 30, not '3w'");
    assertThatThrownBy(
            () ->
                Settings.load(
                    new String[] {"maintain"},
                    Map.of("TASHIL_RETENTION", "soon"),
                    Path.of("does-not-exist")))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "bad value 'soon' for retention (environment TASHIL_RETENTION): a number of days"
                + " such as 30d or 30");
  }

  /**
   * {@code clean/t} in four versions ({@link #VERSIONS}): July, July replaced, August added, July
   * replaced again; with an orphan (a file no version lists, as a failed write may leave) and a
   * killed write's staging folder. And {@code marts/m}, one version.
   */
  private Warehouse fourVersions(Path root) throws IOException {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    write(warehouse, JULY, row("رضا", "OF-01", JULY), row("زهرا", "OF 03/ب", JULY));
    write(warehouse, JULY, row("مریم", "OF-01", JULY));
    write(warehouse, AUGUST, row("علی", "OF-01", AUGUST));
    write(warehouse, JULY, row("حسین", "OF 03/ب", JULY));
    warehouse.replacePeriod(
        "marts/m",
        AUGUST,
        spark.createDataFrame(List.of(row("علی", "OF-01", AUGUST)), SCHEMA),
        Tables.OFFICE_ID);
    Path orphan = root.resolve("clean/t/period=1405-07/office_id=OF-01");
    Files.writeString(orphan.resolve("part-00000-orphan.c000.snappy.parquet"), "no version's");
    Path staged = root.resolve("clean/t/_tashil_staging/killed/period=1405-08/office_id=OF-01");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("part-00000.parquet"), "a killed write's");
    // Left 40 days ago: older than the retention, so no write in flight can still commit them.
    for (Path left : leftovers(root)) {
      Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    }
    return warehouse;
  }

  private void write(Warehouse warehouse, Period period, Row... rows) {
    warehouse.replacePeriod(
        "clean/t", period, spark.createDataFrame(List.of(rows), SCHEMA), Tables.OFFICE_ID);
  }

  private static Row row(String name, String office, Period period) {
    return RowFactory.create(name, office, period.toString());
  }

  /** The orphan and the staging leftover that {@link #fourVersions} planted. */
  private static List<Path> leftovers(Path root) {
    return List.of(
        root.resolve(
            "clean/t/period=1405-07/office_id=OF-01/part-00000-orphan.c000.snappy.parquet"),
        root.resolve(
            "clean/t/_tashil_staging/killed/period=1405-08/office_id=OF-01/part-00000.parquet"));
  }

  private List<Path> latestFiles(Path root) {
    return local(new Warehouse(spark, root.toString()).files("clean/t"));
  }

  private io.delta.kernel.Snapshot version(Warehouse warehouse, long version) {
    return new DeltaLog(hadoop).at(warehouse.path("clean/t"), version);
  }

  /** The rows of a version of {@code clean/t}, read from the files Kernel lists for it. */
  private List<String> atVersion(Warehouse warehouse, long version) {
    List<String> files = List.copyOf(new DeltaLog(hadoop).files(version(warehouse, version)));
    assertThat(local(files)).allMatch(Files::isRegularFile);
    return names(
        spark
            .read()
            .schema(SCHEMA)
            .option("basePath", warehouse.path("clean/t"))
            .parquet(files.toArray(String[]::new)));
  }

  /** Each row as name|office|period, sorted. */
  private static List<String> names(Dataset<Row> rows) {
    List<String> names = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      names.add(
          row.getAs("name") + "|" + row.getAs(Tables.OFFICE_ID) + "|" + row.getAs(Tables.PERIOD));
    }
    names.sort(null);
    return names;
  }

  private static long bytes(List<Path> files) throws IOException {
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    return bytes;
  }
}
