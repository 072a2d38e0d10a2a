package org.tashil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.SparkTests;

/** The command line as users run it: exit codes, messages, and CSV out of query. */
class TestCommandLine {

  private static final String REFERENCE = Fixtures.REFERENCE.toString();
  private static final Path OF01 = Path.of("src/test/resources/inbox/1405-08/OF-01");
  private static final Path SAMPLE = Path.of("../data/sample/inbox/1405-08/OF-01");

  @TempDir Path temp;

  /** What a command printed and returned. */
  @Test
  void validatePassesTheShippedSample() {
    CommandResult run = validate("--lang", "en", SAMPLE.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("households.csv: 6 rows read, 6 accepted, 0 rejected")
        .contains("Every row passes");
  }

  @Test
  void validatePrintsEveryRejectedRowInPersianAndExitsOne() {
    CommandResult run = validate(OF01.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "households.csv:9  settlement_id  UNKNOWN_SETTLEMENT  سکونتگاه «AHV-999» در فهرست سکونتگاه‌ها نیست")
        .contains(
            "households.csv:6  surveyed_on  BAD_DATE  ستون surveyed_on: تاریخ 1405/07/31 در تقویم وجود ندارد")
        .contains("households.csv: ۱۱ سطر خوانده شد، ۴ پذیرفته، ۷ رد")
        .contains("برخی سطرها یا فایل‌ها رد می‌شوند");
  }

  @Test
  void validateSpeaksEnglishOnRequest() {
    CommandResult run = validate("--lang", "en", OF01.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "demands.csv:6  agency_id  UNKNOWN_AGENCY  agency \"unknown_agency\" is not in the registry")
        .contains("activities.csv: 4 rows read, 2 accepted, 2 rejected")
        .contains("the file is not UTF-8 and was read as Windows-1256");
  }

  @Test
  void validateWritesNothing() throws IOException {
    Path office = Files.createDirectories(temp.resolve("OF-01"));
    Files.copy(SAMPLE.resolve("activities.csv"), office.resolve("activities.csv"));
    CommandResult run = validate(office.toString());
    assertThat(run.exitCode()).isZero();
    try (var files = Files.walk(temp)) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(1);
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(
            tashil("validate", "--period", "1405-13", "--reference", REFERENCE, OF01.toString())
                .exitCode())
        .isEqualTo(2);
    CommandResult missingFolder = validate(temp.resolve("nowhere").toString());
    assertThat(missingFolder.exitCode()).isEqualTo(2);
    assertThat(missingFolder.err()).contains("does not exist");
    CommandResult badLanguage = validate("--lang", "de", OF01.toString());
    assertThat(badLanguage.exitCode()).isEqualTo(2);
    assertThat(badLanguage.err()).contains("--lang is fa (Persian) or en (English)");
    CommandResult badReference =
        tashil("validate", "--period", "1405-08", "--reference", temp.toString(), OF01.toString());
    assertThat(badReference.exitCode()).isEqualTo(2);
    assertThat(badReference.err()).contains("offices.csv is missing");
    assertThat(tashil("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void ingestThenQueryGivesReconcilingCsv() throws IOException {
    SparkTests.session();
    Path inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    String warehouse = temp.resolve("warehouse").toString();
    CommandResult ingest = ingest(inbox, warehouse);
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(ingest.out())
        .contains("ingest 1405-08: 3 files from 1 offices")
        .contains("households         11 rows read          4 accepted        7 quarantined");

    CommandResult query =
        tashil(
            "query",
            "--warehouse",
            warehouse,
            "SELECT s.dataset, s.rows_read, s.rows_accepted, s.rows_quarantined,"
                + " (SELECT count(*) FROM quarantine_households) AS households_quarantined, s.dropped_columns"
                + " FROM submissions s WHERE s.dataset = 'households'");
    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out())
        .isEqualToNormalizingNewlines(
            "dataset,rows_read,rows_accepted,rows_quarantined,households_quarantined,dropped_columns\n"
                + "households,11,4,7,7,\"[\"\"نام سرپرست\"\",\"\"تلفن همراه\"\",\"\"کد ملی\"\"]\"\n");

    CommandResult badQuery =
        tashil("query", "--warehouse", warehouse, "SELECT * FROM no_such_table");
    assertThat(badQuery.exitCode()).isEqualTo(2);
    assertThat(badQuery.err()).contains("clean_households").contains("submissions");

    // Another warehouse, queried in the same JVM, has only its own tables: none here.
    CommandResult elsewhere =
        tashil(
            "query",
            "--warehouse",
            temp.resolve("other").toString(),
            "SELECT count(*) FROM clean_households");
    assertThat(elsewhere.exitCode()).as(elsewhere.out()).isEqualTo(2);
    assertThat(elsewhere.err())
        .contains("the query does not run")
        .contains("the warehouse " + temp.resolve("other") + " has no tables yet");
  }

  @Test
  void ingestOfAPeriodWithoutFilesFailsClearly() {
    SparkTests.session();
    CommandResult run =
        tashil(
            "ingest",
            "--period",
            "1405-07",
            "--inbox",
            temp.toString(),
            "--warehouse",
            temp.resolve("w").toString(),
            "--reference",
            REFERENCE);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("the inbox has no folder for period 1405-07");
  }

  @Test
  void aggregateNeedsAnIngestedWarehouseAndASaneWindow() {
    CommandResult window =
        tashil(
            "aggregate",
            "--period",
            "1405-08",
            "--on-time-days",
            "-1",
            "--warehouse",
            temp.toString(),
            "--reference",
            REFERENCE);
    assertThat(window.exitCode()).isEqualTo(2);
    assertThat(window.err()).contains("--on-time-days must be 0 or more");
    SparkTests.session();
    CommandResult empty =
        tashil(
            "aggregate",
            "--period",
            "1405-08",
            "--warehouse",
            temp.resolve("empty").toString(),
            "--reference",
            REFERENCE);
    assertThat(empty.exitCode()).isEqualTo(1);
    assertThat(empty.err()).contains("run tashil ingest first");
    assertThat(tashil("aggregate", "--period", "1405-08..1405-07", "--reference", REFERENCE).err())
        .contains("period range 1405-08..1405-07 is backwards");
  }

  @Test
  void theLargestFileReadIsASettingCheckedBeforeAnythingRuns() {
    CommandResult bad =
        tashil(
            "ingest",
            "--period",
            "1405-08",
            "--max-file-size",
            "12XB",
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            REFERENCE);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--max-file-size is a size such as 256MiB or 1GiB, not '12XB'");
    assertThat(temp.resolve("warehouse")).doesNotExist();
    CommandResult config = tashil("config", "--max-file-size", "1GiB", "--reference", REFERENCE);
    assertThat(config.out())
        .contains("max-file-size = 1GiB (1073741824 bytes)    # option --max-file-size");
    assertThat(tashil("config", "--reference", REFERENCE).out())
        .contains("max-file-size = 256MiB (268435456 bytes)");
  }

  @Test
  void queryOnlyReadsTheWarehousesViews() throws IOException {
    SparkTests.session();
    Path inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    String warehouse = temp.resolve("warehouse").toString();
    assertThat(ingest(inbox, warehouse).exitCode()).isZero();
    Path directory = temp.resolve("written");
    java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("DELETE FROM delta.`" + warehouse + "/submissions`", "would change something");
    refused.put("DELETE FROM submissions", "would change something");
    refused.put(
        "INSERT OVERWRITE DIRECTORY '" + directory + "' SELECT * FROM submissions",
        "would change something");
    refused.put("CREATE FUNCTION f AS 'a.B' USING JAR '/tmp/x.jar'", "would change something");
    refused.put("ADD JAR /tmp/x.jar", "would change something");
    refused.put("SET spark.sql.ansi.enabled=false", "would change something");
    refused.put("CACHE TABLE submissions", "would change something");
    refused.put("DROP VIEW submissions", "would change something");
    refused.put("SELECT * FROM text.`/etc/passwd`", "text./etc/passwd is not one of the");
    refused.put(
        "SELECT (SELECT count(*) FROM parquet.`" + warehouse + "`) FROM submissions",
        "is not one of the warehouse's views");
    refused.put(
        "WITH x AS (SELECT * FROM json.`/etc`) SELECT * FROM x", "json./etc is not one of the");
    refused.put("SELECT * FROM read_files('/etc/passwd')", "read_files(…) is not allowed");
    refused.put("SELECT reflect('java.lang.System', 'exit', 0)", "reflect(…) is not allowed");
    refused.put("DESCRIBE text.`/etc/passwd`", "is not one of the warehouse's views");
    refused.put("EXPLAIN DELETE FROM submissions", "would change something");
    for (java.util.Map.Entry<String, String> statement : refused.entrySet()) {
      CommandResult result = tashil("query", "--warehouse", warehouse, statement.getKey());
      assertThat(result.exitCode()).as(statement.getKey()).isEqualTo(2);
      assertThat(result.err()).as(statement.getKey()).contains(statement.getValue());
    }
    assertThat(directory).doesNotExist();
    CommandResult count =
        tashil("query", "--warehouse", warehouse, "SELECT count(*) AS n FROM submissions");
    assertThat(count.out()).isEqualToNormalizingNewlines("n\n3\n");
    for (String allowed :
        java.util.List.of(
            "WITH s AS (SELECT * FROM submissions) SELECT count(*) FROM s",
            "VALUES (1, 2)",
            "SELECT * FROM range(3)",
            "SHOW TABLES",
            "DESCRIBE submissions",
            "SHOW COLUMNS IN submissions",
            "EXPLAIN SELECT * FROM clean_households")) {
      CommandResult result = tashil("query", "--warehouse", warehouse, allowed);
      assertThat(result.exitCode()).as(allowed + result.err()).isZero();
    }
  }

  /** {@code tashil validate} of 1405-08 with the shipped registry, then {@code more}. */
  private static CommandResult validate(String... more) {
    List<String> args =
        new ArrayList<>(List.of("validate", "--period", "1405-08", "--reference", REFERENCE));
    args.addAll(List.of(more));
    return tashil(args.toArray(String[]::new));
  }

  /** {@code tashil ingest} of 1405-08 from {@code inbox} into {@code warehouse}. */
  private CommandResult ingest(Path inbox, String warehouse) {
    return tashil(
        "ingest",
        "--period",
        "1405-08",
        "--inbox",
        inbox.toString(),
        "--warehouse",
        warehouse,
        "--reference",
        REFERENCE);
  }
}
