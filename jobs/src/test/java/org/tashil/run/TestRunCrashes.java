package org.tashil.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.SparkTests;
import org.tashil.cli.Tashil;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil run} killed with SIGKILL while writing clean tables, while writing marts and while
 * rendering: every table still reads as its last complete version (here: nothing, or the whole
 * period), no PDF is half written, the lock is taken over, and the next run ends exactly as an
 * uninterrupted run does. A second run started meanwhile exits 75 naming the first. A run killed
 * between ingest's commits, or whose commit of {@code submissions} fails, leaves readers on the
 * last whole run, and the next run ends as a run nobody stopped.
 */
class TestRunCrashes {

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  @TempDir Path temp;

  private String[] run(String name) {
    return run(name, "inbox");
  }

  private String[] run(String name, String inbox) {
    return Fixtures.runArguments(temp.resolve(inbox), temp.resolve(name));
  }

  @Test
  void aKilledRunLeavesEveryTableWholeAndTheNextRunFinishesIt() throws Exception {
    Fixtures.copyInbox(temp.resolve("inbox"));
    SparkTests.session();
    CommandResult reference = tashil(run("reference"));
    assertThat(reference.exitCode()).as(reference.err()).isZero();
    Map<String, List<String>> expected = tables("reference");

    // Killed while writing the clean tables.
    Processes.Tashil first = Processes.start(List.of(), run("crash"));
    first.awaitLine(line -> line.contains("writing clean/demands"), PATIENCE);
    Thread.sleep(300);
    first.kill();
    assertEachTableWholeOrAbsent(expected);

    // Killed while writing the marts; meanwhile a second run is turned away.
    Processes.Tashil second = Processes.start(List.of(), run("crash"));
    second.awaitLine(line -> line.contains("took over the warehouse lock"), PATIENCE);
    second.awaitLine(line -> line.contains("aggregate 1405-08"), PATIENCE);
    Processes.Tashil contender = Processes.start(List.of(), run("crash"));
    assertThat(contender.waitFor(Duration.ofMinutes(1))).isEqualTo(Tashil.LOCKED);
    assertThat(contender.output())
        .contains("another run holds the warehouse")
        .contains("pid=" + second.process.pid());
    second.awaitLine(line -> line.contains("writing marts/county_month"), PATIENCE);
    Thread.sleep(300);
    second.kill();
    assertEachTableWholeOrAbsent(expected);

    // Killed while rendering.
    Processes.Tashil third = Processes.start(List.of(), run("crash"));
    third.awaitLine(line -> line.contains("rendering 168 PDFs"), PATIENCE);
    Thread.sleep(1500);
    third.kill();
    assertEachTableWholeOrAbsent(expected);
    assertEveryPdfWhole(temp.resolve("crash/reports"));

    // The next run completes, with the same result as the run nobody interrupted.
    Processes.Tashil fourth = Processes.start(List.of(), run("crash"));
    assertThat(fourth.waitFor(PATIENCE)).as(fourth.output()).isZero();
    assertThat(fourth.output()).contains("run 1405-08: done in");
    assertThat(tables("crash")).isEqualTo(expected);
    assertThat(index("crash")).isEqualTo(index("reference"));
    assertEveryPdfWhole(temp.resolve("crash/reports"));
    try (Stream<Path> files = Files.walk(temp.resolve("crash/reports"))) {
      assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void aRunStoppedBetweenIngestsCommitsLeavesReadersOnTheLastWholeRun() throws Exception {
    Fixtures.copyInbox(temp.resolve("inbox"));
    SparkTests.session();
    CommandResult first = tashil(run("first"));
    assertThat(first.exitCode()).as(first.err()).isZero();
    Map<String, List<String>> before = tables("first");
    // The office sends its files again, without its activities: the period is ingested anew.
    Fixtures.copyInbox(temp.resolve("again"));
    Files.delete(temp.resolve("again/1405-08/OF-01/activities.csv"));
    org.tashil.LocalFolders.copy(temp.resolve("first"), temp.resolve("uninterrupted"));
    org.tashil.LocalFolders.copy(temp.resolve("first"), temp.resolve("stopped"));
    CommandResult uninterrupted = tashil(run("uninterrupted", "again"));
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    Map<String, List<String>> expected = tables("uninterrupted");
    assertThat(expected).isNotEqualTo(before);
    String submissionsCommit = "/submissions/_delta_log/\\d{20}\\.json$";

    // Killed after ingest committed the clean and quarantine tables, before submissions.
    Processes.Tashil killed =
        Processes.start(PlantedFault.options(submissionsCommit, "halt"), run("stopped", "again"));
    assertThat(killed.waitFor(PATIENCE)).as(killed.output()).isEqualTo(137);
    assertThat(killed.output()).contains("fault: halting at");
    assertThat(deltaLake("stopped", "clean/activities"))
        .as("the new ingest's commit is on disk")
        .isNotEqualTo(deltaLake("first", "clean/activities"));
    assertThat(tables("stopped")).isEqualTo(before);

    // The commit of submissions fails.
    Processes.Tashil failed =
        Processes.start(PlantedFault.options(submissionsCommit, "fail"), run("stopped", "again"));
    assertThat(failed.waitFor(PATIENCE)).as(failed.output()).isEqualTo(Tashil.FAILED);
    assertThat(failed.output())
        .contains("clean/activities: back to version 0")
        .contains("writing submissions")
        .doesNotContain("done in");
    assertThat(tables("stopped")).isEqualTo(before);

    // The next run ends as the run nobody stopped.
    Processes.Tashil next = Processes.start(List.of(), run("stopped", "again"));
    assertThat(next.waitFor(PATIENCE)).as(next.output()).isZero();
    assertThat(tables("stopped")).isEqualTo(expected);
  }

  /** The period's rows of a table as Delta Lake's own reader reads its latest version. */
  private List<String> deltaLake(String name, String table) {
    return SparkTests.session()
        .read()
        .format("delta")
        .load(temp.resolve(name + "/warehouse/" + table).toString())
        .where(Tables.PERIOD + " = '1405-08'")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /** Each table's rows of the period, sorted, by table. */
  private Map<String, List<String>> tables(String name) {
    Warehouse warehouse =
        new Warehouse(SparkTests.session(), temp.resolve(name + "/warehouse").toString());
    Map<String, List<String>> tables = new TreeMap<>();
    for (String[] table : warehouse.tables()) {
      List<String> rows = new ArrayList<>();
      for (Row row :
          warehouse.read(table[1]).where(Tables.PERIOD + " = '1405-08'").collectAsList()) {
        rows.add(row.toString());
      }
      rows.sort(null);
      tables.put(table[1], rows);
    }
    return tables;
  }

  /** {@code tashil query} answers, and each table has the whole period or nothing of it. */
  private void assertEachTableWholeOrAbsent(Map<String, List<String>> expected) {
    CommandResult query =
        tashil(
            "query",
            "--warehouse",
            temp.resolve("crash/warehouse").toString(),
            "SELECT count(*) AS n FROM clean_households");
    Map<String, List<String>> now = tables("crash");
    if (now.containsKey("clean/households")) {
      assertThat(query.exitCode()).isZero();
      assertThat(query.out().lines().findFirst()).contains("n");
    } else {
      assertThat(query.exitCode()).isEqualTo(Tashil.USAGE);
    }
    now.forEach(
        (table, rows) ->
            assertThat(rows)
                .as(table)
                .satisfiesAnyOf(
                    r -> assertThat(r).isEmpty(),
                    r -> assertThat(r).isEqualTo(expected.get(table))));
  }

  private static void assertEveryPdfWhole(Path reports) throws IOException {
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).toList()) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
          assertThat(document.getNumberOfPages()).as(pdf.toString()).isPositive();
        }
      }
    }
  }

  /** The index without checksums (each PDF names its own run): file, settlement, pages. */
  private List<String> index(String name) throws IOException {
    return Files.readAllLines(temp.resolve(name + "/reports/1405-08/index.csv")).stream()
        .map(line -> line.substring(0, line.lastIndexOf(',')))
        .toList();
  }
}
