package org.tashil.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.cli.Tashil;
import org.tashil.spark.HadoopConf;

/**
 * A run that runs out of memory, in a Spark task (which in local mode ends the JVM at once) or in
 * the driver, ends as a failed run: exit code 1, a failed record, and a message that says to raise
 * {@code TASHIL_HEAP}. The next run then does the period.
 */
class TestFatalErrors {

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  @TempDir Path temp;

  @Test
  void aTaskOutOfMemoryEndsTheRunAsAFailedRun() throws Exception {
    assertEndsAsAFailedRun("/clean/demands/_tashil_staging/.*part-");
  }

  @Test
  void theDriverOutOfMemoryEndsTheRunAsAFailedRun() throws Exception {
    assertEndsAsAFailedRun("/submissions/_delta_log/\\d{20}\\.json$");
  }

  @Test
  void aRunStoppedBySigtermLeavesAFailedRecord() throws Exception {
    Fixtures.copyInbox(temp.resolve("inbox"));
    Processes.Tashil stopped = Processes.start(List.of(), run());
    stopped.awaitLine(line -> line.contains("writing clean/demands"), PATIENCE);
    stopped.process.destroy(); // SIGTERM, as cron's timeout or a shutdown sends
    assertThat(stopped.waitFor(PATIENCE)).as(stopped.output()).isEqualTo(128 + 15);
    assertThat(lastRecord().outcome()).isEqualTo(RunRecord.Outcome.FAILED);
    assertThat(lastRecord().message()).contains("stopped");
  }

  private void assertEndsAsAFailedRun(String faultAt) throws Exception {
    Fixtures.copyInbox(temp.resolve("inbox"));
    Processes.Tashil failed = Processes.start(PlantedFault.options(faultAt, "oom"), run());
    assertThat(failed.waitFor(PATIENCE)).as(failed.output()).isEqualTo(Tashil.FAILED);
    assertThat(failed.output())
        .contains("ran out of memory")
        .contains("planted by the test")
        .contains("raise TASHIL_HEAP");
    RunRecord record = lastRecord();
    assertThat(record.outcome()).isEqualTo(RunRecord.Outcome.FAILED);
    assertThat(record.message()).contains("ran out of memory").contains("TASHIL_HEAP");

    Processes.Tashil next = Processes.start(List.of(), run());
    assertThat(next.waitFor(PATIENCE)).as(next.output()).isZero();
    assertThat(next.output()).contains("run 1405-08: done in");
  }

  private RunRecord lastRecord() throws java.io.IOException {
    List<RunRecord> records =
        new RunStore(temp.resolve("warehouse").toString(), HadoopConf.withoutSpark())
            .list("1405-08");
    assertThat(records).isNotEmpty();
    return records.get(records.size() - 1);
  }

  private String[] run() {
    return Fixtures.runArguments(temp.resolve("inbox"), temp);
  }
}
