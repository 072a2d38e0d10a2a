package org.tashil.run;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.reports.render.ReportFolder;
import org.tashil.spark.HadoopConf;

/**
 * The lifecycle of a command's periods, one after the other under one warehouse lock: each period's
 * run record, its stages in order ({@link PeriodStages}, which hands each stage's result to the
 * next in memory), their timing and progress. {@code run} first asks whether anything changed since
 * the period's last successful run ({@link Staleness}), without starting Spark, and arms {@link
 * LastWords} for the length of its stages; {@code ingest}, {@code aggregate} and {@code render} run
 * their one stage. Made by {@link PeriodRunBuilder}.
 */
public final class PeriodRun implements AutoCloseable {

  /** A command that runs periods, with its stages; written in lower case, as records name it. */
  public enum Command {
    RUN(RunRecord.StageName.INGEST, RunRecord.StageName.AGGREGATE, RunRecord.StageName.RENDER),
    INGEST(RunRecord.StageName.INGEST),
    AGGREGATE(RunRecord.StageName.AGGREGATE),
    RENDER(RunRecord.StageName.RENDER);

    private final List<RunRecord.StageName> stages;

    Command(RunRecord.StageName... stages) {
      this.stages = List.of(stages);
    }

    public List<RunRecord.StageName> stages() {
      return stages;
    }

    boolean renders() {
      return stages.contains(RunRecord.StageName.RENDER);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Command command;
  private final PeriodStages.Settings stageSettings;
  private final Supplier<SparkSession> startSpark;
  private final Function<Configuration, ReportFolder> reportsAt;
  private final LocalDate today;
  private final Path reference;
  private final Map<String, String> outputSettings;
  private final boolean force;
  private final Configuration hadoop;
  private final WarehouseLock lock;
  private final RunStore store;
  private SparkSession spark;
  private ReportFolder reports;
  private PeriodStages alone;

  /** Takes the warehouse lock; {@link #close} releases it. */
  PeriodRun(PeriodRunBuilder settings) {
    this.command = settings.command;
    this.startSpark = settings.spark;
    this.reportsAt = settings.reports;
    this.today = settings.today;
    this.reference = settings.reference;
    this.outputSettings =
        settings.outputSettings == null
            ? null
            : Collections.unmodifiableMap(new TreeMap<>(settings.outputSettings));
    this.force = settings.force;
    this.stageSettings =
        new PeriodStages.Settings(
            settings.registry,
            settings.warehouse,
            settings.inbox,
            settings.maxFileSize,
            settings.onTimeDays,
            settings.language,
            settings.suppressBelow,
            settings.fromScratch);
    this.hadoop = HadoopConf.withoutSpark();
    this.lock =
        WarehouseLock.acquire(
            settings.warehouse,
            settings.command + " " + settings.periods,
            hadoop,
            settings.lockStaleAfter);
    switch (settings.command) {
      case RUN ->
          lock.takenOver()
              .ifPresent(
                  holder ->
                      System.err.println(
                          "tashil run: took over the warehouse lock of a run that has ended, or"
                              + " whose heartbeat stopped ("
                              + holder
                              + ")"));
      case INGEST, AGGREGATE, RENDER -> {}
    }
    this.store = new RunStore(settings.warehouse, hadoop);
  }

  /** Runs the period (or, for {@code run}, finds nothing to do) and writes its record. */
  public PeriodResult run(Period period) throws Exception {
    return switch (command) {
      case RUN -> runIfChanged(period);
      case INGEST, AGGREGATE, RENDER -> runAlone(period);
    };
  }

  @Override
  public void close() {
    lock.close();
  }

  /** {@code run}: nothing to do yet, nothing changed, or the three stages. */
  private PeriodResult runIfChanged(Period period) throws Exception {
    LocalDate day = day();
    RunLog log = new RunLog(store, command.toString());
    PeriodInputs inputs;
    try {
      inputs =
          PeriodInputs.read(
              stageSettings.inbox(),
              period,
              reference,
              outputSettings,
              stageSettings.maxFileSize(),
              hadoop);
    } catch (FileNotFoundException e) {
      // Only a period that has no folder in the inbox yet: Inbox.list throws nothing else as
      // FileNotFoundException, and a file or folder it cannot read is a rejected file.
      RunLog.Entry waiting =
          RunLog.Entry.of(period, RunRecord.Outcome.WAITING).withMessage(e.getMessage());
      return PeriodResult.notRun(log.write(waiting), Optional.empty());
    }
    String fingerprint = inputs.fingerprint();
    Optional<RunRecord> last = store.lastSuccessfulRun(period.toString());
    Optional<String> why =
        force ? Optional.of("--force") : Staleness.whyRun(inputs, last, store, hadoop);
    if (why.isEmpty()) {
      RunLog.Entry unchanged =
          RunLog.Entry.of(period, RunRecord.Outcome.UNCHANGED)
              .withMessage("same inputs as run " + last.get().id())
              .withFingerprint(fingerprint)
              .withWarehouseVersion(last.get().warehouseVersion())
              .withInputs(inputs.files());
      return PeriodResult.notRun(log.write(unchanged), last);
    }
    int revision = store.nextRevision(period.toString());
    RunLog.Entry failed =
        RunLog.Entry.of(period, RunRecord.Outcome.FAILED)
            .withFingerprint(fingerprint)
            .withInputs(inputs.files());
    try (LastWords lastWords = LastWords.arm(reason -> log.write(failed.withMessage(reason)))) {
      RunLog.Entry succeeded =
          RunLog.Entry.of(period, RunRecord.Outcome.SUCCEEDED)
              .withMessage(why.get())
              .withFingerprint(fingerprint)
              .withInputs(inputs.files());
      return runStages(period, why.get(), day, revision, log, succeeded, lastWords);
    }
  }

  /**
   * The three stages. {@code lastWords} writes their failed record however they end: by an
   * exception, or by the JVM ending under them (a task out of memory, a signal).
   */
  private PeriodResult runStages(
      Period period,
      String why,
      LocalDate day,
      int revision,
      RunLog log,
      RunLog.Entry succeeded,
      LastWords lastWords)
      throws Exception {
    Progress progress = Progress.toStderr(Progress.stderrIsTerminal());
    // Progress steps of a whole run: the ingest's writes, the states and marts, 2 render steps.
    // (Counted here: the no-op path must not load the jobs' classes, whose loggers start log4j.)
    progress.expect(IngestJob.TABLES.size() + AggregateJob.TABLES.size() + 2);
    long started = System.nanoTime();
    try {
      progress.stage(
          "run " + period + " (" + why + ")" + (spark == null ? ": starting Spark" : ""));
      // Reached before the first ingest: a --reports that cannot be reached fails the run before
      // it commits anything.
      PeriodStages stages = new PeriodStages(spark(), stageSettings, reports(), progress);
      PeriodStages.Done done = stages.run(command, period, day, log, revision);
      progress.finish();
      RunLog.Entry entry =
          done.withOutputs(succeeded, revision)
              .withInputs(done.withSubmissions(succeeded.inputs()));
      RunRecord record = lastWords.succeeded(() -> log.write(entry));
      return PeriodResult.ran(record, seconds(started), done);
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

  /** {@code ingest}, {@code aggregate} or {@code render}: the command's one stage. */
  private PeriodResult runAlone(Period period) throws Exception {
    // Spark, and the reports' folder, before the period's record starts.
    PeriodStages stages = aloneStages();
    LocalDate day = day();
    long started = System.nanoTime();
    RunLog log = new RunLog(store, command.toString());
    try {
      int revision = command.renders() ? store.nextRevision(period.toString()) : 0;
      PeriodStages.Done done = stages.run(command, period, day, log, revision);
      RunLog.Entry succeeded = RunLog.Entry.of(period, RunRecord.Outcome.SUCCEEDED);
      RunRecord record = log.write(done.withOutputs(succeeded, revision));
      return PeriodResult.ran(record, seconds(started), done);
    } catch (Exception e) {
      log.write(RunLog.Entry.of(period, RunRecord.Outcome.FAILED).withMessage(e.getMessage()));
      throw e;
    }
  }

  /** The stages of a command that runs one: made once, for every period of the command. */
  private PeriodStages aloneStages() {
    if (alone == null) {
      alone =
          new PeriodStages(
              spark(), stageSettings, command.renders() ? reports() : null, Progress.NONE);
    }
    return alone;
  }

  private SparkSession spark() {
    if (spark == null) {
      spark = startSpark.get();
    }
    return spark;
  }

  private ReportFolder reports() {
    if (reports == null) {
      reports = reportsAt.apply(spark().sparkContext().hadoopConfiguration());
    }
    return reports;
  }

  /** The day new files are recorded as first seen on, and the reports' date. */
  private LocalDate day() {
    return today != null ? today : ZonedDateTime.now(Period.TEHRAN).toLocalDate();
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
