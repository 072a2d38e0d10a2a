package org.tashil.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.Submission;
import org.tashil.reference.Registry;
import org.tashil.render.RenderJob;
import org.tashil.run.LastWords;
import org.tashil.run.PeriodInputs;
import org.tashil.run.Progress;
import org.tashil.run.RunLog;
import org.tashil.run.RunRecord;
import org.tashil.run.RunStore;
import org.tashil.run.Staleness;
import org.tashil.run.WarehouseLock;
import org.tashil.spark.HadoopConf;
import org.tashil.spark.Spark;
import org.tashil.warehouse.Warehouse;
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

  @Option(
      names = "--today",
      hidden = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day recorded as first_seen_on of new files (default: today in Tehran).")
  LocalDate today;

  private SparkSession spark;
  private org.tashil.reports.render.ReportFolder reports;

  @Override
  public Integer call() throws Exception {
    Registry registry = storage.registry();
    Map<String, String> settings =
        outputSettings(spec, reportOptions, onTimeOption, maxFileSizeOption);
    Configuration hadoop = HadoopConf.withoutSpark();
    try (WarehouseLock lock =
        WarehouseLock.acquire(
            storage.warehouse(),
            "run " + periodsOption.periods(),
            hadoop,
            storage.lockStaleAfter())) {
      lock.takenOver()
          .ifPresent(
              holder ->
                  System.err.println(
                      "tashil run: took over the warehouse lock of a run that has ended, or whose"
                          + " heartbeat stopped ("
                          + holder
                          + ")"));
      RunStore store = new RunStore(storage.warehouse(), hadoop);
      for (Period period : periodsOption.periods().periods()) {
        runPeriod(period, registry, settings, store, hadoop);
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

  /** One period: nothing to do, or its three stages. */
  private void runPeriod(
      Period period,
      Registry registry,
      Map<String, String> settings,
      RunStore store,
      Configuration hadoop)
      throws Exception {
    LocalDate day = today != null ? today : ZonedDateTime.now(Period.TEHRAN).toLocalDate();
    PrintWriter out = spec.commandLine().getOut();
    RunLog log = new RunLog(store, "run");
    PeriodInputs inputs;
    try {
      inputs =
          PeriodInputs.read(
              storage.inbox(),
              period,
              storage.reference(),
              settings,
              maxFileSizeOption.bytes(),
              hadoop);
    } catch (FileNotFoundException e) {
      // Only a period that has no folder in the inbox yet: Inbox.list throws nothing else as
      // FileNotFoundException, and a file or folder it cannot read is a rejected file.
      log.write(period, RunRecord.Outcome.WAITING, e.getMessage(), null, null, null, null, null);
      out.println("run " + period + ": nothing to do yet, " + e.getMessage());
      out.flush();
      return;
    }
    String fingerprint = inputs.fingerprint();
    Optional<RunRecord> last = store.lastSuccessfulRun(period.toString());
    Optional<String> why =
        force ? Optional.of("--force") : Staleness.whyRun(inputs, last, store, hadoop);
    if (why.isEmpty()) {
      log.write(
          period,
          RunRecord.Outcome.UNCHANGED,
          "same inputs as run " + last.get().id(),
          fingerprint,
          null,
          last.get().warehouseVersion(),
          inputs.files(),
          null);
      out.printf(
          "run %s: nothing to do; its files, the registry, the settings, the program, the earlier"
              + " periods and the reports are those of run %s (revision %s). --force runs it"
              + " again.%n",
          period, last.get().id(), last.get().revision());
      out.flush();
      return;
    }
    int revision = store.nextRevision(period.toString());
    try (LastWords lastWords =
        LastWords.arm(
            reason ->
                log.write(
                    period,
                    RunRecord.Outcome.FAILED,
                    reason,
                    fingerprint,
                    null,
                    null,
                    inputs.files(),
                    null))) {
      runStages(
          period, registry, inputs, fingerprint, why.get(), revision, day, log, out, lastWords);
    }
  }

  /**
   * The three stages. {@code lastWords} writes their failed record however they end: by an
   * exception, or by the JVM ending under them (a task out of memory, a signal).
   */
  private void runStages(
      Period period,
      Registry registry,
      PeriodInputs inputs,
      String fingerprint,
      String why,
      int revision,
      LocalDate day,
      RunLog log,
      PrintWriter out,
      LastWords lastWords)
      throws Exception {
    Progress progress = Progress.toStderr(Progress.stderrIsTerminal());
    // Progress steps of a whole run: the ingest's writes, the marts, 2 render steps. (Computed
    // here: the no-op path must not load the jobs' classes, whose loggers start log4j.)
    progress.expect(IngestJob.TABLES.size() + AggregateJob.MARTS.size() + 2);
    long started = System.nanoTime();
    List<RunRecord.Input> files = inputs.files();
    try {
      if (spark == null) {
        progress.stage("run " + period + " (" + why + "): starting Spark");
        sparkOptions.applyLogLevel();
        spark = Spark.session("tashil run " + periodsOption.periods(), sparkOptions.master());
        // Reached before the first ingest: a --reports that cannot be reached fails the run
        // before it commits anything.
        reports = reportOptions.folder(spark.sparkContext().hadoopConfiguration());
      } else {
        progress.stage("run " + period + " (" + why + ")");
      }
      Warehouse warehouse = new Warehouse(spark, storage.warehouse(), progress);

      progress.stage("ingest " + period);
      long stage = System.nanoTime();
      IngestJob.Result ingested =
          new IngestJob(spark, registry, storage.inbox(), warehouse, maxFileSizeOption.bytes())
              .run(period, day);
      log.stage(RunRecord.StageName.INGEST, stage, ingested.counts());
      files = withSubmissions(files, ingested.submissions());

      progress.stage("aggregate " + period);
      stage = System.nanoTime();
      AggregateJob.Result aggregated =
          new AggregateJob(spark, registry, warehouse, onTimeOption.onTimeDays())
              .run(ingested.rows());
      Map<String, Long> martCounts = new java.util.LinkedHashMap<>();
      martCounts.put("marts", (long) aggregated.millis().size());
      aggregated.millis().forEach((mart, millis) -> martCounts.put(mart + "_ms", millis));
      log.stage(RunRecord.StageName.AGGREGATE, stage, martCounts);

      progress.stage("render " + period);
      stage = System.nanoTime();
      RenderJob.Result rendered =
          new RenderJob(
                  warehouse,
                  registry,
                  reports,
                  reportOptions.language(),
                  reportOptions.suppressBelow(),
                  progress)
              .run(period, aggregated.tables(), log.id(), revision, day);
      int pdfs = rendered.rendered().reports().size();
      log.stage(RunRecord.StageName.RENDER, stage, Map.of("pdfs", (long) pdfs));
      progress.finish();

      List<RunRecord.Input> inputFiles = files;
      RunRecord record =
          lastWords.succeeded(
              () ->
                  log.write(
                      period,
                      RunRecord.Outcome.SUCCEEDED,
                      why,
                      fingerprint,
                      revision,
                      rendered.warehouseVersion(),
                      inputFiles,
                      new RunRecord.Outputs(
                          rendered.rendered().folder(), pdfs, ingested.officesMissingFiles())));
      printSummary(out, period, record, ingested, (System.nanoTime() - started) / 1e9);
    } catch (Exception | Error e) {
      progress.finish();
      String message = lastWords.failed(e);
      if (LastWords.isFatal(e)) {
        // Said as a failed run (exit 1), with what to raise, not as a JVM's crash.
        throw new IllegalStateException(message, e);
      }
      throw e;
    }
  }

  /** The inbox files with the day each was first seen and what became of it. */
  private static List<RunRecord.Input> withSubmissions(
      List<RunRecord.Input> files, List<Submission> submissions) {
    Map<String, Submission> byFile = new HashMap<>();
    submissions.forEach(submission -> byFile.put(submission.file(), submission));
    List<RunRecord.Input> out = new ArrayList<>();
    for (RunRecord.Input file : files) {
      Submission submission = byFile.get(file.file());
      out.add(
          submission == null
              ? file
              : new RunRecord.Input(
                  file.office(),
                  file.dataset(),
                  file.file(),
                  file.bytes(),
                  file.sha256(),
                  String.valueOf(submission.firstSeenOn()),
                  submission.status()));
    }
    return out;
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
    ingested.fileLines().forEach(line -> out.println("  " + line));
    if (!ingested.officesMissingFiles().isEmpty()) {
      out.println("  missing files: " + String.join(", ", ingested.officesMissingFiles()));
    }
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
      default -> c.toString();
    };
  }
}
