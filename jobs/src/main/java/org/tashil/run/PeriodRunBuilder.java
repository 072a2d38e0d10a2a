package org.tashil.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.tashil.reference.Registry;
import org.tashil.reports.model.Language;
import org.tashil.reports.render.ReportFolder;

/**
 * The settings of a {@link PeriodRun}, by name: what every command gives ({@link #warehouse},
 * {@link #registry}, {@link #spark}), then what its stages need ({@link #inbox} for ingest, {@link
 * #onTimeDays} for aggregate, {@link #reports} for render, {@link #unlessUnchanged} for {@code
 * run}). {@link #open} checks that each of the command's stages has its settings.
 */
public final class PeriodRunBuilder {

  final PeriodRun.Command command;
  final String periods;
  String warehouse;
  Duration lockStaleAfter;
  Registry registry;
  Supplier<SparkSession> spark;
  String inbox;
  long maxFileSize;
  LocalDate today;
  int onTimeDays;
  Function<Configuration, ReportFolder> reports;
  Language language;
  int suppressBelow;
  Path reference;
  Map<String, String> outputSettings;
  boolean force;
  boolean fromScratch;

  /**
   * @param periods the periods the command runs, as the lock and the log name them
   */
  public PeriodRunBuilder(PeriodRun.Command command, String periods) {
    this.command = Objects.requireNonNull(command, "command");
    this.periods = Objects.requireNonNull(periods, "periods");
  }

  /** The warehouse, and how old its lock's heartbeat may be before another run takes it over. */
  public PeriodRunBuilder warehouse(String root, Duration lockStaleAfter) {
    this.warehouse = Objects.requireNonNull(root, "warehouse");
    this.lockStaleAfter = Objects.requireNonNull(lockStaleAfter, "lockStaleAfter");
    return this;
  }

  public PeriodRunBuilder registry(Registry value) {
    this.registry = Objects.requireNonNull(value, "registry");
    return this;
  }

  /** How the command starts Spark, called once, when a period first needs it. */
  public PeriodRunBuilder spark(Supplier<SparkSession> session) {
    this.spark = Objects.requireNonNull(session, "spark");
    return this;
  }

  /** The inbox, and the largest dataset file read, in bytes (larger ones are rejected unread). */
  public PeriodRunBuilder inbox(String folder, long maxFileSizeBytes) {
    if (maxFileSizeBytes <= 0) {
      throw new IllegalArgumentException(
          "the largest file read is more than 0 bytes, not " + maxFileSizeBytes);
    }
    this.inbox = Objects.requireNonNull(folder, "inbox");
    this.maxFileSize = maxFileSizeBytes;
    return this;
  }

  /** The day new files are recorded as first seen on, and the reports' date (default: today). */
  public PeriodRunBuilder today(LocalDate day) {
    this.today = day;
    return this;
  }

  public PeriodRunBuilder onTimeDays(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("on-time days are no fewer than 0, not " + days);
    }
    this.onTimeDays = days;
    return this;
  }

  /**
   * Where the PDFs go (reached with Spark's Hadoop settings, once Spark runs), their language and
   * the small-cell threshold.
   */
  public PeriodRunBuilder reports(
      Function<Configuration, ReportFolder> folder, Language lang, int suppressBelowHouseholds) {
    if (suppressBelowHouseholds < 1) {
      throw new IllegalArgumentException(
          "the small-cell threshold is at least 1, not " + suppressBelowHouseholds);
    }
    this.reports = Objects.requireNonNull(folder, "reports");
    this.language = Objects.requireNonNull(lang, "language");
    this.suppressBelow = suppressBelowHouseholds;
    return this;
  }

  /**
   * For {@code run}: a period is run only when its inputs (the inbox files, the registry folder,
   * these settings, the program) differ from its last successful run's.
   */
  public PeriodRunBuilder unlessUnchanged(Path registryFolder, Map<String, String> settings) {
    this.reference = Objects.requireNonNull(registryFolder, "reference");
    this.outputSettings = new TreeMap<>(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /** For {@code run}: run every period, changed or not. */
  public PeriodRunBuilder force() {
    this.force = true;
    return this;
  }

  /** Aggregate picks each period's states from every version, not from the previous period's. */
  public PeriodRunBuilder fromScratch() {
    this.fromScratch = true;
    return this;
  }

  /** Takes the warehouse lock, for the command's periods; closing the run releases it. */
  public PeriodRun open() {
    require(warehouse, "a warehouse");
    require(registry, "a registry");
    require(spark, "a way to start Spark");
    for (RunRecord.StageName stage : command.stages()) {
      switch (stage) {
        case INGEST -> require(inbox, "an inbox");
        case AGGREGATE -> {}
        case RENDER -> require(reports, "a reports folder");
      }
    }
    switch (command) {
      case RUN -> require(outputSettings, "the settings its inputs are compared by");
      case INGEST, AGGREGATE, RENDER -> {}
    }
    return new PeriodRun(this);
  }

  private void require(Object value, String what) {
    if (value == null) {
      throw new IllegalStateException("tashil " + command + " needs " + what);
    }
  }
}
