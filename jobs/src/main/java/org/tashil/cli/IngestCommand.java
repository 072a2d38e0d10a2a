package org.tashil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.Submission;
import org.tashil.reference.Registry;
import org.tashil.run.RunLog;
import org.tashil.run.RunRecord;
import org.tashil.run.RunStore;
import org.tashil.run.WarehouseLock;
import org.tashil.spark.HadoopConf;
import org.tashil.spark.Spark;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tashil ingest --period P}: the offices' files of a period into clean tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Read and check every office's files of a period and store the clean rows, the rejected rows"
            + " and one record per file in the warehouse, replacing that period.")
public final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;

  @Mixin PeriodsOption periodsOption;
  @Mixin MaxFileSizeOption maxFileSizeOption;

  @Option(
      names = "--today",
      hidden = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day recorded as first_seen_on of new files (default: today in Tehran).")
  LocalDate today;

  @Override
  public Integer call() throws Exception {
    Registry registry = storage.registry();
    long maxFileSize = maxFileSizeOption.bytes();
    Configuration hadoop = HadoopConf.withoutSpark();
    try (WarehouseLock lock =
        WarehouseLock.acquire(
            storage.warehouse(),
            "ingest " + periodsOption.periods(),
            hadoop,
            storage.lockStaleAfter())) {
      sparkOptions.applyLogLevel();
      SparkSession spark =
          Spark.session("tashil ingest " + periodsOption.periods(), sparkOptions.master());
      LocalDate seenOn = today != null ? today : ZonedDateTime.now(Period.TEHRAN).toLocalDate();
      IngestJob job =
          new IngestJob(
              spark,
              registry,
              storage.inbox(),
              new Warehouse(spark, storage.warehouse()),
              maxFileSize);
      RunStore store = new RunStore(storage.warehouse(), hadoop);
      for (Period period : periodsOption.periods().periods()) {
        long start = System.nanoTime();
        RunLog log = new RunLog(store, "ingest");
        IngestJob.Result result;
        try {
          result = job.run(period, seenOn);
          log.stage(RunRecord.StageName.INGEST, start, result.counts());
          log.write(period, RunRecord.Outcome.SUCCEEDED, null, null, null, null, null, null);
        } catch (Exception e) {
          log.write(period, RunRecord.Outcome.FAILED, e.getMessage(), null, null, null, null, null);
          throw e;
        }
        print(result, (System.nanoTime() - start) / 1e9);
      }
    }
    spec.commandLine().getOut().println("warehouse: " + storage.warehouse());
    spec.commandLine().getOut().flush();
    return Tashil.OK;
  }

  private void print(IngestJob.Result result, double seconds) {
    PrintWriter out = spec.commandLine().getOut();
    long offices = result.submissions().stream().map(Submission::officeId).distinct().count();
    out.printf(
        Locale.ROOT,
        "ingest %s: %d files from %d offices in %.1f s%n",
        result.period(),
        result.submissions().size(),
        offices,
        seconds);
    for (String dataset : java.util.List.of("households", "demands", "activities")) {
      long read = 0;
      long accepted = 0;
      long quarantined = 0;
      for (Submission s : result.submissions()) {
        if (s.dataset().equals(dataset)) {
          read += s.rowsRead();
          accepted += s.rowsAccepted();
          quarantined += s.rowsQuarantined();
        }
      }
      out.printf(
          Locale.ROOT,
          "  %-11s %,9d rows read  %,9d accepted  %,7d quarantined%n",
          dataset,
          read,
          accepted,
          quarantined);
    }
    double rowsPerSecond = result.rows(Submission::rowsRead) / Math.max(seconds, 1e-9);
    out.printf(Locale.ROOT, "  %,.0f rows per second%n", rowsPerSecond);
    result.fileLines().forEach(line -> out.println("  " + line));
    if (!result.officesMissingFiles().isEmpty()) {
      out.println("  missing files: " + String.join(", ", result.officesMissingFiles()));
    }
    out.flush();
  }
}
