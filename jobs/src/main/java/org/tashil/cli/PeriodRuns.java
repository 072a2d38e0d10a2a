package org.tashil.cli;

import org.tashil.calendar.PeriodRange;
import org.tashil.reference.Registry;
import org.tashil.run.PeriodRun;
import org.tashil.run.PeriodRunBuilder;
import org.tashil.spark.Spark;

/**
 * What {@code ingest}, {@code aggregate}, {@code render} and {@code run} give each {@link
 * PeriodRun} alike: the warehouse and how long its lock may go stale, the registry, and a Spark
 * session named after the command and its periods, started when a period first needs it.
 */
final class PeriodRuns {

  private PeriodRuns() {}

  /**
   * The command's run of its periods, to which the command adds what its stages need. The registry
   * is the caller's: each command reads its settings in its own order, and the first wrong one is
   * the one reported.
   */
  static PeriodRunBuilder builder(
      PeriodRun.Command command,
      PeriodRange periods,
      Registry registry,
      StorageOptions storage,
      SparkOptions sparkOptions) {
    return new PeriodRunBuilder(command, periods.toString())
        .warehouse(storage.warehouse(), storage.lockStaleAfter())
        .registry(registry)
        .spark(
            () -> {
              sparkOptions.applyLogLevel();
              return Spark.session("tashil " + command + " " + periods, sparkOptions.master());
            });
  }
}
