package org.tashil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.reference.Registry;
import org.tashil.run.PeriodResult;
import org.tashil.run.PeriodRun;
import org.tashil.run.PeriodRunBuilder;
import org.tashil.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tashil run --period P}: ingest, aggregate and render in one JVM and one SparkSession, safe
 * to call every day from cron. Nothing is done (and Spark is not started) when the period's inbox
 * files, the registry, the settings and the program are those of the period's last successful run.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Ingest, aggregate and render one period in one go. Does nothing when the period's files,"
            + " the registry, the settings and the program are unchanged since its last successful"
            + " run; re-runs it when late or corrected files arrive. Safe to call daily from cron.")
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;
  @Mixin ReportOptions reportOptions;
  @Mixin OnTimeOption onTimeOption;
  @Mixin MaxFileSizeOption maxFileSizeOption;

  @Mixin PeriodsOption periodsOption;

  @Option(names = "--force", description = "Run the period even when nothing changed.")
  boolean force;

  @Mixin TodayOption todayOption;

  @Override
  public Integer call() throws Exception {
    Registry registry = storage.registry();
    Map<String, String> settings =
        outputSettings(spec, reportOptions, onTimeOption, maxFileSizeOption);
    PeriodRunBuilder builder =
        PeriodRuns.builder(
                PeriodRun.Command.RUN, periodsOption.periods(), registry, storage, sparkOptions)
            .inbox(storage.inbox(), maxFileSizeOption.bytes())
            .today(todayOption.today())
            .onTimeDays(onTimeOption.onTimeDays())
            .reports(reportOptions::folder, reportOptions.language(), reportOptions.suppressBelow())
            .unlessUnchanged(storage.reference(), settings);
    if (force) {
      builder.force();
    }
    try (PeriodRun run = builder.open()) {
      for (Period period : periodsOption.periods().periods()) {
        print(spec.commandLine().getOut(), period, run.run(period));
      }
    }
    return Tashil.OK;
  }

  /**
   * The settings that change a run's output, as its fingerprint holds them: {@code status} asks the
   * same of a period.
   */
  static Map<String, String> outputSettings(
      CommandSpec spec,
      ReportOptions reportOptions,
      OnTimeOption onTimeOption,
      MaxFileSizeOption maxFileSizeOption) {
    Map<String, String> settings = new TreeMap<>();
    settings.put("lang", reportOptions.language().code());
    settings.put("suppress-below", Integer.toString(reportOptions.suppressBelow()));
    settings.put("on-time-days", Integer.toString(onTimeOption.onTimeDays()));
    settings.put("max-file-size", Long.toString(maxFileSizeOption.bytes()));
    // The settings file's Spark settings change how the run computes (and may change its output:
    // a timezone, a parser's leniency); spark-submit's own, which change with every submission,
    // do not count.
    if (spec.root().commandLine().getDefaultValueProvider() instanceof Settings file) {
      settings.putAll(file.spark());
    }
    return settings;
  }

  /** What became of the period: nothing to do yet, nothing changed, or the run's summary. */
  private void print(PrintWriter out, Period period, PeriodResult result) {
    RunRecord record = result.record();
    switch (record.outcome()) {
      case WAITING -> out.println("run " + period + ": nothing to do yet, " + record.message());
      case UNCHANGED ->
          out.printf(
              "run %s: nothing to do; its files, the registry, the settings, the program, the"
                  + " earlier periods and the reports are those of run %s (revision %s). --force"
                  + " runs it again.%n",
              period, result.sameAs().orElseThrow().id(), result.sameAs().orElseThrow().revision());
      case SUCCEEDED ->
          printSummary(out, period, record, result.ingested().orElseThrow(), result.seconds());
      // PeriodRun throws a failure once its record is written; a failed record never returns.
      case FAILED ->
          throw new IllegalStateException("run " + period + " failed: " + record.message());
    }
    out.flush();
  }

  private void printSummary(
      PrintWriter out, Period period, RunRecord record, IngestJob.Result ingested, double seconds) {
    out.printf(
        Locale.ROOT,
        "run %s: done in %.1f s, revision %d (%s)%n",
        period,
        seconds,
        record.revision(),
        record.message());
    for (RunRecord.Stage stage : record.stages()) {
      out.printf(
          Locale.ROOT, "  %-10s %6.1f s  %s%n", stage.name(), stage.seconds(), describe(stage));
    }
    IngestCommand.printFileNotes(out, ingested);
    out.println(
        "  warehouse: "
            + storage.warehouse()
            + " (marts version "
            + record.warehouseVersion()
            + ")");
    out.println("reports: " + record.outputs().reports());
    out.flush();
  }

  private static String describe(RunRecord.Stage stage) {
    Map<String, Long> c = stage.counts();
    return switch (stage.name()) {
      case INGEST ->
          String.format(
              Locale.ROOT,
              "%d files from %d offices, %,d rows read, %,d accepted, %,d quarantined, %d files"
                  + " rejected, %d ignored",
              c.get("files"),
              c.get("offices"),
              c.get("rows_read"),
              c.get("rows_accepted"),
              c.get("rows_quarantined"),
              c.get("files_rejected"),
              c.get("files_ignored"));
      case AGGREGATE -> c.get("marts") + " marts";
      case RENDER ->
          String.format(
              Locale.ROOT,
              "%d PDFs, %.1f per second",
              c.get("pdfs"),
              c.get("pdfs") / Math.max(stage.seconds(), 0.001));
    };
  }
}
