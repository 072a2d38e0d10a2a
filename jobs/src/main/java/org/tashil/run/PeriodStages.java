package org.tashil.run;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.IngestedRows;
import org.tashil.ingest.Submission;
import org.tashil.reference.Registry;
import org.tashil.render.RenderJob;
import org.tashil.render.ReportInputs;
import org.tashil.reports.model.Language;
import org.tashil.reports.render.ReportFolder;
import org.tashil.warehouse.Warehouse;

/**
 * The stages of a period in their order, each timed into the run's log. What a stage makes is
 * handed to the next in memory; a stage run alone reads the same from the warehouse, so each stage
 * takes one input whichever way it came. The jobs are made once and serve every period they are
 * asked for.
 */
final class PeriodStages {

  /**
   * What the stages need besides Spark: the registry, the warehouse, and each stage's settings
   * (null or 0 for a stage the command does not run); {@code fromScratch}: aggregate picks the
   * states from every version.
   */
  record Settings(
      Registry registry,
      String warehouse,
      String inbox,
      long maxFileSize,
      int onTimeDays,
      Language language,
      int suppressBelow,
      boolean fromScratch) {

    Settings {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(warehouse, "warehouse");
    }
  }

  /** What each stage that ran returned. */
  record Done(
      Optional<IngestJob.Result> ingested,
      Optional<AggregateJob.Result> aggregated,
      Optional<RenderJob.Result> rendered) {

    Done {
      Objects.requireNonNull(ingested, "ingested");
      Objects.requireNonNull(aggregated, "aggregated");
      Objects.requireNonNull(rendered, "rendered");
    }

    /** The entry with what render left, when the period was rendered. */
    RunLog.Entry withOutputs(RunLog.Entry entry, int revision) {
      if (rendered.isEmpty()) {
        return entry;
      }
      RenderJob.Result result = rendered.get();
      List<String> officesMissingFiles =
          ingested.map(IngestJob.Result::officesMissingFiles).orElse(List.of());
      return entry
          .withRevision(revision)
          .withWarehouseVersion(result.warehouseVersion())
          .withOutputs(
              new RunRecord.Outputs(
                  result.rendered().folder(),
                  result.rendered().reports().size(),
                  officesMissingFiles));
    }

    /** The inbox files with the day each was first seen and what became of it, when ingest ran. */
    List<RunRecord.Input> withSubmissions(List<RunRecord.Input> files) {
      if (ingested.isEmpty()) {
        return files;
      }
      Map<String, Submission> byFile = new HashMap<>();
      ingested.get().submissions().forEach(submission -> byFile.put(submission.file(), submission));
      List<RunRecord.Input> seen = new ArrayList<>();
      for (RunRecord.Input file : files) {
        Submission submission = byFile.get(file.file());
        seen.add(
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
      return seen;
    }
  }

  private final SparkSession spark;
  private final Settings settings;
  private final Warehouse warehouse;
  private final ReportFolder reports;
  private final Progress progress;
  private final org.tashil.spark.Spills spills;
  private IngestJob ingest;
  private AggregateJob aggregate;
  private RenderJob render;

  /**
   * @param reports where the PDFs go; null for a command that renders none
   * @param progress where the warehouse's writes and render's steps are reported
   */
  PeriodStages(SparkSession spark, Settings settings, ReportFolder reports, Progress progress) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.reports = reports;
    this.progress = Objects.requireNonNull(progress, "progress");
    this.warehouse = new Warehouse(spark, settings.warehouse(), progress);
    this.spills = org.tashil.spark.Spills.count(spark);
  }

  /**
   * Runs the command's stages of the period, logging each one that ends.
   *
   * @param day the day new files are recorded as first seen on, and the reports' date
   * @param revision the revision the period's reports carry (unused when nothing renders)
   */
  Done run(PeriodRun.Command command, Period period, LocalDate day, RunLog log, int revision)
      throws IOException {
    Optional<IngestJob.Result> ingested = Optional.empty();
    Optional<AggregateJob.Result> aggregated = Optional.empty();
    Optional<RenderJob.Result> rendered = Optional.empty();
    long[] spilled = {spills.memoryBytes(), spills.diskBytes()};
    if (command.stages().contains(RunRecord.StageName.INGEST)) {
      progress.stage("ingest " + period);
      long started = System.nanoTime();
      IngestJob.Result result = ingestJob().run(period, day);
      log.stage(RunRecord.StageName.INGEST, started, withSpills(result.counts(), spilled));
      ingested = Optional.of(result);
    }
    if (command.stages().contains(RunRecord.StageName.AGGREGATE)) {
      progress.stage("aggregate " + period);
      long started = System.nanoTime();
      IngestedRows rows =
          ingested
              .map(IngestJob.Result::rows)
              .orElseGet(() -> IngestedRows.read(warehouse, period));
      AggregateJob.Result result = aggregateJob().run(rows);
      log.stage(
          RunRecord.StageName.AGGREGATE,
          started,
          withSpills(aggregateCounts(command, result), spilled));
      aggregated = Optional.of(result);
    }
    if (command.stages().contains(RunRecord.StageName.RENDER)) {
      progress.stage("render " + period);
      long started = System.nanoTime();
      progress.step(aggregated.isPresent() ? "taking the marts as written" : "reading the marts");
      ReportInputs marts =
          aggregated
              .map(result -> new ReportInputs(result.tables(), settings.registry(), period))
              .orElseGet(() -> ReportInputs.read(warehouse, settings.registry(), period));
      double reading = (System.nanoTime() - started) / 1e9;
      RenderJob.Result result =
          renderJob().run(marts, log.id(), revision, day).afterReading(reading);
      int pdfs = result.rendered().reports().size();
      log.stage(RunRecord.StageName.RENDER, started, Map.of("pdfs", (long) pdfs));
      rendered = Optional.of(result);
    }
    return new Done(ingested, aggregated, rendered);
  }

  /**
   * The figures a record keeps of an aggregate: the number of marts and of states carried, and in a
   * whole run's record the states' and each mart's milliseconds too, which the benchmark reads
   * (aggregate alone prints them instead).
   */
  private static Map<String, Long> aggregateCounts(
      PeriodRun.Command command, AggregateJob.Result result) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("marts", (long) result.millis().size());
    counts.put("states_carried", result.statesCarried().values().stream().filter(c -> c).count());
    switch (command) {
      case RUN -> {
        counts.put("states_ms", result.statesMillis());
        result.millis().forEach((mart, millis) -> counts.put(mart + "_ms", millis));
      }
      case INGEST, AGGREGATE, RENDER -> {}
    }
    return counts;
  }

  /**
   * A stage's counts with what its tasks spilled since {@code spilled} (memory and disk bytes, as
   * counted then), which the benchmark reports; {@code spilled} moves on to now.
   */
  private Map<String, Long> withSpills(Map<String, Long> counts, long[] spilled) {
    Map<String, Long> with = new LinkedHashMap<>(counts);
    with.put("spilled_memory_bytes", spills.memoryBytes() - spilled[0]);
    with.put("spilled_disk_bytes", spills.diskBytes() - spilled[1]);
    spilled[0] = spills.memoryBytes();
    spilled[1] = spills.diskBytes();
    return with;
  }

  private IngestJob ingestJob() {
    if (ingest == null) {
      ingest =
          new IngestJob(
              spark, settings.registry(), settings.inbox(), warehouse, settings.maxFileSize());
    }
    return ingest;
  }

  private AggregateJob aggregateJob() {
    if (aggregate == null) {
      aggregate =
          new AggregateJob(
              spark, settings.registry(), warehouse, settings.onTimeDays(), settings.fromScratch());
    }
    return aggregate;
  }

  private RenderJob renderJob() {
    if (render == null) {
      render =
          new RenderJob(
              warehouse,
              Objects.requireNonNull(reports, "reports"),
              settings.language(),
              settings.suppressBelow(),
              progress);
    }
    return render;
  }
}
