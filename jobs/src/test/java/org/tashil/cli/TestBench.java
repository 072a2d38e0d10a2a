package org.tashil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.calendar.Period;
import org.tashil.run.RunRecord;
import org.tashil.run.RunStore;
import org.tashil.spark.HadoopConf;

/**
 * {@code tashil bench} on a small province with two months of history: it prepares them (their
 * states carried from one month to the next), times the month's run, which carries its states from
 * the month before, the next day's call with nothing to do, and the month's aggregate from every
 * version; and prints both ratios to DuckDB, which agrees.
 */
class TestBench {

  @Test
  void benchTimesTheMonthOnItsHistoryWithCarriedStatesAndFromEveryVersion(@TempDir Path folder)
      throws Exception {
    Fixtures.CommandResult bench =
        Fixtures.tashil(
            "bench",
            "--scale",
            "0.03",
            "--months",
            "2",
            "--period",
            "1405-08",
            "--heap",
            "1g",
            "--folder",
            folder.toString(),
            "--reference",
            Fixtures.REFERENCE.toString());
    assertThat(bench.exitCode()).as(bench.out() + bench.err()).isZero();
    Path base = folder.resolve("scale-0.03-history-2");
    assertThat(base.resolve("inbox/1405-06")).isDirectory();
    assertThat(base.resolve("inbox/1405-05")).doesNotExist();
    assertThat(base.resolve("prepared-1405-06..1405-07/warehouse/state/demands/period=1405-07"))
        .isDirectory();
    assertThat(bench.out())
        .contains(
            "# tashil bench: scale 0.03, period 1405-08",
            "run with nothing to do",
            "aggregate from every version (--from-scratch)",
            "(a) the same algorithm",
            "(b) the pipeline as it runs",
            "spilled: ingest",
            "settlement_month: Spark and DuckDB agree on 130 rows");

    List<RunRecord> records =
        new RunStore(base.resolve("warehouse").toString(), HadoopConf.withoutSpark())
            .list(Period.parse("1405-08").toString());
    assertThat(records)
        .extracting(record -> record.command() + " " + record.outcome())
        .containsExactly("run succeeded", "run unchanged", "aggregate succeeded");
    // The timed run carried both states from 1405-07; the aggregate from scratch carried none.
    assertThat(aggregateCounts(records.get(0)).get("states_carried")).isEqualTo(2L);
    assertThat(aggregateCounts(records.get(2)).get("states_carried")).isZero();
    assertThat(bench.out())
        .containsPattern("aggregate by mart \\(compute and commit\\): states [0-9.]+ s");
    try (java.util.stream.Stream<Path> reports = Files.walk(base.resolve("reports/1405-08"))) {
      assertThat(reports.filter(file -> file.toString().endsWith(".pdf")).count()).isEqualTo(168);
    }
  }

  private static java.util.Map<String, Long> aggregateCounts(RunRecord record) {
    return record.stages().stream()
        .filter(stage -> stage.name() == RunRecord.StageName.AGGREGATE)
        .findFirst()
        .orElseThrow()
        .counts();
  }
}
