package org.tashil.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record of {@code <warehouse>/runs/} (contract §4): what a command did to a period, with what
 * inputs and program, how long each stage took and what it made. {@code tashil run} compares the
 * fingerprint of the last successful run of a period with today's to decide whether there is
 * anything to do; {@code tashil status} prints the records.
 *
 * @param outcome how the command ended ({@link Outcome})
 * @param revision the period's report revision this run rendered (1, 2, …), null when it rendered
 *     nothing
 * @param warehouseVersion the marts' Delta version the reports name, null when none was read
 * @param peakHeapMb the most heap the process had in use by the end of the command, in MiB
 */
public record RunRecord(
    String id,
    String period,
    String command,
    String version,
    String built,
    String host,
    long pid,
    String started,
    String ended,
    Outcome outcome,
    String message,
    String fingerprint,
    Integer revision,
    Long warehouseVersion,
    Long peakHeapMb,
    List<Input> inputs,
    List<Stage> stages,
    Outputs outputs) {

  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(outcome, "outcome");
    inputs = List.copyOf(inputs);
    stages = List.copyOf(stages);
  }

  /** How a command ended; written in lower case ({@code succeeded}), as the runs table shows it. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** Nothing to do: the period's inputs are those of its last successful run. */
    UNCHANGED,
    /** No file of the period has arrived yet. */
    WAITING;

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A stage of a period's run; written in lower case ({@code ingest}). */
  public enum StageName {
    INGEST,
    AGGREGATE,
    RENDER;

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One file of the period's inbox, as the run saw it. */
  public record Input(
      String office,
      String dataset,
      String file,
      long bytes,
      String sha256,
      String firstSeenOn,
      String status) {

    public Input {
      Objects.requireNonNull(file, "file");
    }
  }

  /** One stage: seconds and what it counted, in the order the stage counted it. */
  public record Stage(StageName name, double seconds, Map<String, Long> counts) {

    public Stage {
      Objects.requireNonNull(name, "name");
      if (seconds < 0) {
        throw new IllegalArgumentException("a stage takes no less than 0 s, not " + seconds);
      }
      // Kept in their order: the record lists them as the stage counted them.
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
  }

  /** What the run left for its readers. */
  public record Outputs(String reports, int pdfs, List<String> officesMissingFiles) {

    public Outputs {
      Objects.requireNonNull(reports, "reports");
      if (pdfs < 0) {
        throw new IllegalArgumentException("no fewer than 0 PDFs, not " + pdfs);
      }
      officesMissingFiles = List.copyOf(officesMissingFiles);
    }
  }

  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }

  /** Did this run render the period's reports? */
  public boolean rendered() {
    return succeeded() && revision != null;
  }
}
