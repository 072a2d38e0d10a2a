package org.tashil.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.spark.HadoopConf;

/** Run records: written whole, and one that cannot be read never stops the others. */
class TestRunStore {

  @TempDir Path warehouse;

  private static RunRecord record(String id, RunRecord.Outcome outcome) {
    return new RunRecord(
        id,
        "1405-08",
        "run",
        "0.1.0",
        "2026-12-06T00:00:00Z",
        "host",
        1,
        "2026-12-06T10:00:00Z",
        "2026-12-06T10:01:00Z",
        outcome,
        null,
        "fingerprint",
        1,
        0L,
        100L,
        List.of(),
        List.of(),
        null);
  }

  @Test
  void aRecordIsPublishedWholeUnderItsNameAndNothingElseIsLeft() throws IOException {
    RunStore store = new RunStore(warehouse.toString(), HadoopConf.withoutSpark());
    store.append(record("20261206T100000Z-a", RunRecord.Outcome.SUCCEEDED));
    List<String> names;
    try (Stream<Path> files = Files.list(warehouse.resolve("runs"))) {
      names = files.map(file -> file.getFileName().toString()).toList();
    }
    assertThat(names).containsExactly("20261206T100000Z-a_1405-08_run.json");
    String text = Files.readString(warehouse.resolve("runs").resolve(names.get(0)));
    assertThat(text).startsWith("{").endsWith("}\n").doesNotContain("\n{");
  }

  @Test
  void anUnreadableRecordIsSkippedWithAWarningNamingIt() throws IOException {
    List<String> warnings = new ArrayList<>();
    RunStore store = new RunStore(warehouse.toString(), HadoopConf.withoutSpark(), warnings::add);
    store.append(record("20261206T100000Z-a", RunRecord.Outcome.SUCCEEDED));
    // What a power cut leaves after a rename that reached the disk before the data: an empty
    // record; and a record half written by hand.
    Files.writeString(warehouse.resolve("runs/20261206T110000Z-b_1405-08_run.json"), "");
    Files.writeString(warehouse.resolve("runs/20261206T120000Z-c_1405-08_run.json"), "{\"id\":");
    store.append(record("20261206T130000Z-d", RunRecord.Outcome.FAILED));

    assertThat(store.list("1405-08"))
        .extracting(RunRecord::id)
        .containsExactly("20261206T100000Z-a", "20261206T130000Z-d");
    assertThat(store.lastSuccessfulRun("1405-08"))
        .map(RunRecord::id)
        .contains("20261206T100000Z-a");
    assertThat(warnings)
        .hasSize(4) // two reads above, two records each
        .anyMatch(line -> line.contains("20261206T110000Z-b_1405-08_run.json (empty)"))
        .anyMatch(line -> line.contains("20261206T120000Z-c_1405-08_run.json"));
  }
}
