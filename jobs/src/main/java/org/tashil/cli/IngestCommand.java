package org.tashil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.Submission;
import org.tashil.reference.Registry;
import org.tashil.run.PeriodResult;
import org.tashil.run.PeriodRun;
import org.tashil.run.PeriodRunBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin TodayOption todayOption;

  @Override
  public Integer call() throws Exception {
    Registry registry = storage.registry();
    long maxFileSize = maxFileSizeOption.bytes();
    PeriodRunBuilder builder =
        PeriodRuns.builder(
                PeriodRun.Command.INGEST, periodsOption.periods(), registry, storage, sparkOptions)
            .inbox(storage.inbox(), maxFileSize)
            .today(todayOption.today());
    try (PeriodRun run = builder.open()) {
      for (Period period : periodsOption.periods().periods()) {
        PeriodResult result = run.run(period);
        print(result.ingested().orElseThrow(), result.seconds());
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
    printFileNotes(out, result);
    out.flush();
  }

  /**
   * The files rejected whole or ignored, and the offices whose files are missing, indented under
   * the period's line: {@code run} prints them as {@code ingest} does.
   */
  static void printFileNotes(PrintWriter out, IngestJob.Result result) {
    result.fileLines().forEach(line -> out.println("  " + line));
    if (!result.officesMissingFiles().isEmpty()) {
      out.println("  missing files: " + String.join(", ", result.officesMissingFiles()));
    }
  }
}
