package org.tashil.run;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.tashil.calendar.Period;

/**
 * The record one command is building: its id (which the reports print), start, stages; written to
 * the {@link RunStore} when the command ends, whatever the outcome.
 */
public final class RunLog {

  /** Ids (and so record files) sort by start time, to the millisecond. */
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final RunStore store;
  private final String command;
  private final String id;
  private final Instant started = Instant.now();
  private final List<RunRecord.Stage> stages = new ArrayList<>();

  public RunLog(RunStore store, String command) {
    this.store = Objects.requireNonNull(store, "store");
    this.command = Objects.requireNonNull(command, "command");
    this.id =
        ZonedDateTime.now(Period.TEHRAN).format(ID_TIME)
            + "-"
            + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  public String id() {
    return id;
  }

  public Instant started() {
    return started;
  }

  public List<RunRecord.Stage> stages() {
    return List.copyOf(stages);
  }

  public void stage(RunRecord.StageName name, long startedNanos, Map<String, Long> counts) {
    stages.add(
        new RunRecord.Stage(
            name, Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0, counts));
  }

  /**
   * What a record says of its period besides the stages, by name: {@link #of} gives the outcome
   * alone, and each {@code with…} adds one field; a field not given is written as absent.
   *
   * @param inputs the period's inbox files as the run saw them; empty when the command did not read
   *     them
   */
  public record Entry(
      Period period,
      RunRecord.Outcome outcome,
      String message,
      String fingerprint,
      Integer revision,
      Long warehouseVersion,
      List<RunRecord.Input> inputs,
      RunRecord.Outputs outputs) {

    public Entry {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(outcome, "outcome");
      inputs = List.copyOf(inputs);
      if (revision != null && revision < 1) {
        throw new IllegalArgumentException("a revision counts from 1, not " + revision);
      }
    }

    /** A period's entry with its outcome and no other field. */
    public static Entry of(Period period, RunRecord.Outcome outcome) {
      return new Entry(period, outcome, null, null, null, null, List.of(), null);
    }

    public Entry withMessage(String text) {
      return new Entry(
          period, outcome, text, fingerprint, revision, warehouseVersion, inputs, outputs);
    }

    public Entry withFingerprint(String value) {
      return new Entry(
          period, outcome, message, value, revision, warehouseVersion, inputs, outputs);
    }

    public Entry withRevision(int value) {
      return new Entry(
          period, outcome, message, fingerprint, value, warehouseVersion, inputs, outputs);
    }

    public Entry withWarehouseVersion(Long value) {
      return new Entry(period, outcome, message, fingerprint, revision, value, inputs, outputs);
    }

    public Entry withInputs(List<RunRecord.Input> files) {
      return new Entry(
          period, outcome, message, fingerprint, revision, warehouseVersion, files, outputs);
    }

    public Entry withOutputs(RunRecord.Outputs value) {
      return new Entry(
          period, outcome, message, fingerprint, revision, warehouseVersion, inputs, value);
    }
  }

  /** Writes the record; a record that cannot be written is reported, never hides the outcome. */
  public RunRecord write(Entry entry) {
    RunRecord record =
        new RunRecord(
            id,
            entry.period().toString(),
            command,
            BuildInfo.version(),
            BuildInfo.built(),
            host(),
            ProcessHandle.current().pid(),
            started.toString(),
            Instant.now().toString(),
            entry.outcome(),
            entry.message(),
            entry.fingerprint(),
            entry.revision(),
            entry.warehouseVersion(),
            peakHeapMb(),
            entry.inputs(),
            stages(),
            entry.outputs());
    try {
      store.append(record);
    } catch (IOException e) {
      System.err.println("tashil " + command + ": could not write the run record: " + e);
    }
    return record;
  }

  /** The peak use of every heap pool, summed: an upper bound of the heap the command needed. */
  static long peakHeapMb() {
    long bytes = 0;
    for (java.lang.management.MemoryPoolMXBean pool :
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
