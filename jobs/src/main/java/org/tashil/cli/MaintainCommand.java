package org.tashil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.tashil.run.WarehouseLock;
import org.tashil.spark.HadoopConf;
import org.tashil.warehouse.Maintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tashil maintain}: removes the tables' data files that no version within the retention
 * lists, and checkpoints their logs. Takes the warehouse lock; never starts Spark.
 */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Remove every table's data files that no version within the retention lists (replaced"
            + " periods' old files, files of failed or killed writes) and write a checkpoint of"
            + " its log. Never starts Spark.")
public final class MaintainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin RetentionOption retentionOption;

  @Option(names = "--verbose", description = "Stack traces on failure.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    Duration retention = retentionOption.retention();
    Configuration hadoop = HadoopConf.withoutSpark();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (WarehouseLock lock =
        WarehouseLock.acquire(storage.warehouse(), "maintain", hadoop, storage.lockStaleAfter())) {
      lock.takenOver()
          .ifPresent(
              holder ->
                  err.println(
                      "tashil maintain: took over the warehouse lock of a run that has ended, or whose"
                          + " heartbeat stopped ("
                          + holder
                          + ")"));
      Maintenance.Report report =
          new Maintenance(storage.warehouse(), hadoop).run(retention, Instant.now());
      for (Maintenance.Outcome outcome : report.outcomes()) {
        out.println(line(outcome));
      }
      out.printf(
          Locale.ROOT,
          "total: %s removed (%d bytes) from %s%n",
          count(report.filesRemoved(), "file"),
          report.bytesFreed(),
          count(report.outcomes().size(), "table"));
      for (Maintenance.Failure failure : report.failures()) {
        err.println("tashil maintain: " + failure.table() + " left as it was: " + failure.reason());
      }
      out.flush();
      err.flush();
      return report.failures().isEmpty() ? Tashil.OK : Tashil.FAILED;
    }
  }

  /**
   * {@code clean/households: 3 files removed (81234 bytes), versions 4..9 kept, checkpoint at
   * version 9}.
   */
  private static String line(Maintenance.Outcome outcome) {
    return String.format(
        Locale.ROOT,
        "%s: %s removed (%d bytes), %s kept, checkpoint at version %d",
        outcome.table(),
        count(outcome.filesRemoved(), "file"),
        outcome.bytesFreed(),
        outcome.oldestKept() == outcome.checkpoint()
            ? "version " + outcome.checkpoint()
            : "versions " + outcome.oldestKept() + ".." + outcome.checkpoint(),
        outcome.checkpoint());
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
