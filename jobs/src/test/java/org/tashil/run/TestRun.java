package org.tashil.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.SparkTests;
import org.tashil.cli.Tashil;
import org.tashil.spark.HadoopConf;

/**
 * {@code tashil run} as cron calls it: the whole period in one go, nothing to do (without Spark)
 * while nothing changed, a new revision when a file changes, and each exit code of the contract.
 */
class TestRun {

  private static final String REFERENCE = Fixtures.REFERENCE.toString();

  @TempDir Path temp;

  @BeforeAll
  static void spark() {
    SparkTests.session();
  }

  /** {@code tashil run} of the test's inbox in English, then {@code extra} options. */
  private String[] run(String... extra) {
    String[] english =
        Stream.concat(Stream.of("--lang", "en"), Stream.of(extra)).toArray(String[]::new);
    return Fixtures.runArguments(temp.resolve("inbox"), temp, english);
  }

  /** {@code tashil status} of 1405-08 over the test's inbox and warehouse, then {@code extra}. */
  private CommandResult status(String... extra) {
    String[] args = {
      "status",
      "--period",
      "1405-08",
      "--inbox",
      temp.resolve("inbox").toString(),
      "--warehouse",
      temp.resolve("warehouse").toString(),
      "--reference",
      REFERENCE
    };
    return tashil(Stream.concat(Stream.of(args), Stream.of(extra)).toArray(String[]::new));
  }

  private List<RunRecord> records() throws IOException {
    return new RunStore(temp.resolve("warehouse").toString(), HadoopConf.withoutSpark())
        .list("1405-08");
  }

  @Test
  void runsThePeriodThenDoesNothingWithoutSparkUntilAFileChanges() throws Exception {
    Fixtures.copyInbox(temp.resolve("inbox"));

    CommandResult first = tashil(run());
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out())
        .contains("run 1405-08: done in", "revision 1 (first run of the period)")
        .contains("ingest", "3 files from 1 offices", "aggregate", "15 marts", "168 PDFs");
    Path province = temp.resolve("reports/1405-08/province.pdf");
    assertThat(text(province)).contains("Revision 1");
    RunRecord record = records().get(0);
    assertThat(record.outcome()).isEqualTo(RunRecord.Outcome.SUCCEEDED);
    assertThat(record.inputs())
        .extracting(RunRecord.Input::file)
        .containsExactly(
            "1405-08/OF-01/activities.csv",
            "1405-08/OF-01/demands.csv",
            "1405-08/OF-01/households.csv");
    assertThat(record.inputs())
        .allSatisfy(input -> assertThat(input.firstSeenOn()).isEqualTo("2026-11-27"));
    assertThat(record.stages())
        .extracting(RunRecord.Stage::name)
        .containsExactly(
            RunRecord.StageName.INGEST, RunRecord.StageName.AGGREGATE, RunRecord.StageName.RENDER);
    // the province, 130 settlements, 18 agencies, 19 offices
    assertThat(record.outputs().pdfs()).isEqualTo(168);

    // The daily cron call: nothing changed, so nothing runs, and Spark is never started.
    Path classLog = temp.resolve("classes.log");
    Processes.Tashil again =
        Processes.start(List.of("-Xlog:class+load=info:file=" + classLog), run());
    assertThat(again.waitFor(Duration.ofMinutes(1))).as(again.output()).isZero();
    assertThat(again.output()).contains("run 1405-08: nothing to do");
    String loaded = Files.readString(classLog, StandardCharsets.UTF_8);
    assertThat(loaded).contains("org.tashil.run.RunStore ");
    // Spark starts with a SparkConf and a SparkContext: neither class was ever loaded.
    assertThat(loaded)
        .doesNotContain("org.apache.spark.SparkConf ", "org.apache.spark.SparkContext ");
    assertThat(records())
        .extracting(RunRecord::outcome)
        .containsExactly(RunRecord.Outcome.SUCCEEDED, RunRecord.Outcome.UNCHANGED);

    // A corrected file arrives late (due by 1405/09/10): the period runs again and its reports
    // show revision 2.
    Path demands = temp.resolve("inbox/1405-08/OF-01/demands.csv");
    Files.writeString(demands, Files.readString(demands) + "\n");
    String[] late = run();
    late[List.of(late).indexOf("--today") + 1] = "2026-12-05";
    CommandResult corrected = tashil(late);
    assertThat(corrected.exitCode()).as(corrected.out() + corrected.err()).isZero();
    assertThat(corrected.out()).contains("revision 2 (1 inbox file new or changed)");
    assertThat(text(province)).contains("Revision 2").doesNotContain("Revision 1");
    assertThat(records())
        .extracting(RunRecord::outcome)
        .containsExactly(
            RunRecord.Outcome.SUCCEEDED, RunRecord.Outcome.UNCHANGED, RunRecord.Outcome.SUCCEEDED);

    // status: the runs, and each active office's files in, missing or late.
    CommandResult status = status();
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("1405-08  run       succeeded", "1405-08  run       unchanged")
        .contains("period 1405-08: files due by 1405/09/10 (2026-12-01)");
    assertThat(status.out().lines().filter(line -> line.startsWith("  OF-01 ")))
        .singleElement()
        .asString()
        .contains("in 1405/09/06", "late 1405/09/14");
    assertThat(status.out().lines().filter(line -> line.startsWith("  OF-02 ")))
        .singleElement()
        .asString()
        .contains("none (optional)", "missing");

    // tashil query reads the run records as the runs table.
    CommandResult query =
        tashil(
            "query",
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "SELECT command, outcome, revision FROM runs ORDER BY id");
    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out().lines().toList())
        .containsExactly(
            "command,outcome,revision", "run,succeeded,1", "run,unchanged,", "run,succeeded,2");
  }

  @Test
  void bashCompletionCoversTheCommands() {
    CommandResult completion = tashil("generate-completion");
    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out()).contains("complete -F", "run", "status", "bench", "--period");
  }

  @Test
  void aPeriodWhoseFilesHaveNotArrivedIsNothingToDo() throws IOException {
    Files.createDirectories(temp.resolve("inbox"));
    CommandResult result = tashil(run());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("run 1405-08: nothing to do yet", "no folder for period 1405-08");
    assertThat(records()).extracting(RunRecord::outcome).containsExactly(RunRecord.Outcome.WAITING);
  }

  @Test
  void aRunThatFailsExitsOneAndIsRecorded() throws IOException {
    Fixtures.copyInbox(temp.resolve("inbox"));
    Path log = temp.resolve("warehouse/clean/households/_delta_log");
    Files.createDirectories(log);
    Files.writeString(log.resolve("00000000000000000000.json"), "this is not a Delta log\n");
    CommandResult result = tashil(run());
    assertThat(result.exitCode()).as(result.out()).isEqualTo(Tashil.FAILED);
    assertThat(result.err()).startsWith("tashil run: ").contains("--verbose");
    assertThat(records()).extracting(RunRecord::outcome).containsExactly(RunRecord.Outcome.FAILED);
    assertThat(records().get(0).message()).isNotBlank();
  }

  @Test
  void aReportsFolderItCannotReachFailsTheRunBeforeItIngests() throws IOException {
    Fixtures.copyInbox(temp.resolve("inbox"));
    String[] args = run();
    List<String> options = List.of(args);
    args[options.indexOf("--reports") + 1] = "nosuchfs://archive/reports";
    CommandResult result = tashil(args);
    assertThat(result.exitCode()).as(result.out()).isEqualTo(Tashil.FAILED);
    assertThat(result.err())
        .contains("cannot reach the reports folder nosuchfs://archive/reports")
        .contains("nosuchfs");
    assertThat(temp.resolve("warehouse/clean")).doesNotExist();
    assertThat(records()).extracting(RunRecord::outcome).containsExactly(RunRecord.Outcome.FAILED);
  }

  @Test
  void aSecondRunOnTheSameWarehouseExits75NamingTheHolder() throws IOException {
    Fixtures.copyInbox(temp.resolve("inbox"));
    try (WarehouseLock held =
        WarehouseLock.acquire(
            temp.resolve("warehouse").toString(),
            "run 1405-08",
            HadoopConf.withoutSpark(),
            java.time.Duration.ofMinutes(10))) {
      CommandResult result = tashil(run());
      assertThat(result.exitCode()).isEqualTo(Tashil.LOCKED);
      assertThat(result.err())
          .contains("another run holds the warehouse")
          .contains("command=run_1405-08")
          .contains("pid=" + ProcessHandle.current().pid());
    }
    assertThat(records()).isEmpty();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(tashil("run", "--period", "1405-13").exitCode()).isEqualTo(Tashil.USAGE);
    assertThat(tashil(run("--suppress-below", "0")).exitCode()).isEqualTo(Tashil.USAGE);
    CommandResult unknownReference = tashil(run("--reference", temp.resolve("nowhere").toString()));
    assertThat(unknownReference.exitCode()).isEqualTo(Tashil.USAGE);
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void settingsComeFromOptionsThenEnvironmentThenFileThenDefaults() throws IOException {
    Path file = temp.resolve("tashil.properties");
    Files.writeString(
        file,
        "warehouse=/data/from-file\nlang=en\non-time-days=5\nspark.sql.shuffle.partitions=3\n");
    Map<String, String> env = Map.of("TASHIL_WAREHOUSE", "/data/from-environment");
    String[] args = {"config", "--config", file.toString(), "--lang", "fa"};
    CommandResult config = tashil(org.tashil.cli.Settings.load(args, env, Path.of("")), args);
    assertThat(config.exitCode()).as(config.err()).isZero();
    assertThat(config.out())
        .contains("warehouse = /data/from-environment    # environment TASHIL_WAREHOUSE")
        .contains("lang = fa    # option --lang")
        .contains("on-time-days = 5    # file " + file)
        .contains("suppress-below = 5    # default")
        .contains("spark.sql.shuffle.partitions = 3    # file");
  }

  @Test
  void badSettingsExitTwoNamingWhereTheyCameFrom() throws IOException {
    Path file = temp.resolve("tashil.properties");
    Files.writeString(file, "on-time-days=ten\n");
    assertThat(Tashil.execute(Map.of(), "config", "--config", file.toString()))
        .isEqualTo(Tashil.USAGE);
    Files.writeString(file, "warehouse_dir=/tmp\n");
    assertThat(Tashil.execute(Map.of(), "config", "--config", file.toString()))
        .isEqualTo(Tashil.USAGE);
    assertThat(Tashil.execute(Map.of("TASHIL_LANG", "de"), "config")).isEqualTo(Tashil.USAGE);
    assertThat(Tashil.execute(Map.of(), "config", "--config", temp.resolve("none").toString()))
        .isEqualTo(Tashil.USAGE);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                org.tashil.cli.Settings.load(
                    new String[] {"config", "--config", file.toString()}, Map.of(), Path.of("")))
        .hasMessageContaining("warehouse_dir")
        .hasMessageContaining(file.toString());
  }

  @Test
  void aPeriodRunsAgainWhenAnEarlierOneDidOrItsReportsOrSparkSettingsChanged() throws Exception {
    Path inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    org.tashil.LocalFolders.copy(inbox.resolve("1405-08"), inbox.resolve("1405-07"));
    assertThat(tashil(run()).exitCode()).isZero();
    assertThat(tashil(run()).out()).contains("run 1405-08: nothing to do");

    // An earlier month ingested again: the later month's states and trend read it.
    CommandResult earlier =
        tashil(
            "ingest",
            "--period",
            "1405-07",
            "--inbox",
            inbox.toString(),
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            REFERENCE,
            "--today",
            "2026-11-27");
    assertThat(earlier.exitCode()).as(earlier.err()).isZero();
    CommandResult status = status("--lang", "en");
    assertThat(status.out()).contains("run 1405-08: would run again (period 1405-07 was run again");
    CommandResult after = tashil(run());
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).contains("revision 2 (period 1405-07 was run again (ingest ");
    assertThat(tashil(run()).out()).contains("run 1405-08: nothing to do");

    // A report deleted, then one altered: each is made again.
    Path province = temp.resolve("reports/1405-08/province.pdf");
    Files.delete(province);
    assertThat(tashil(run()).out()).contains("revision 3 (province.pdf of run ", " is missing)");
    assertThat(province).exists();
    Path settlement = temp.resolve("reports/1405-08/settlements/AHV-001.pdf");
    Files.write(settlement, new byte[] {'%'}, java.nio.file.StandardOpenOption.APPEND);
    assertThat(tashil(run()).out())
        .contains("revision 4 (settlements/AHV-001.pdf differs from what run ");
    // The tables beside a PDF are listed in the index too.
    Path tables = temp.resolve("reports/1405-08/settlements/AHV-001.xlsx");
    Files.delete(tables);
    assertThat(tashil(run()).out())
        .contains("revision 5 (settlements/AHV-001.xlsx of run ", " is missing)");
    assertThat(tables).exists();
    assertThat(tashil(run()).out()).contains("run 1405-08: nothing to do");

    // A Spark setting of the settings file.
    Path config = temp.resolve("tashil.properties");
    Files.writeString(config, "spark.sql.shuffle.partitions=3\n");
    String[] args = run("--config", config.toString());
    CommandResult sparkSetting = tashil(org.tashil.cli.Settings.load(args, Map.of(), temp), args);
    assertThat(sparkSetting.exitCode()).as(sparkSetting.err()).isZero();
    assertThat(sparkSetting.out()).contains("revision 6 (the registry or the settings changed)");
  }
}
