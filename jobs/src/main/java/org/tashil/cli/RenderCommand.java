package org.tashil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.render.RenderJob;
import org.tashil.reports.model.Language;
import org.tashil.run.Progress;
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
import picocli.CommandLine.Spec;

/**
 * {@code tashil render --period P}: the period's PDFs, one per settlement and one for the province.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Render the period's reports from its marts: <reports>/<period>/province.pdf,"
            + " settlements/<settlement_id>.pdf and index.csv.")
public final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;
  @Mixin PeriodsOption periodsOption;
  @Mixin ReportOptions reportOptions;

  @Override
  public Integer call() throws Exception {
    Language lang = reportOptions.language();
    int suppressBelow = reportOptions.suppressBelow();
    Registry registry = storage.registry();
    Configuration hadoop = HadoopConf.withoutSpark();
    try (WarehouseLock lock =
        WarehouseLock.acquire(
            storage.warehouse(),
            "render " + periodsOption.periods(),
            hadoop,
            storage.lockStaleAfter())) {
      sparkOptions.applyLogLevel();
      SparkSession spark =
          Spark.session("tashil render " + periodsOption.periods(), sparkOptions.master());
      Warehouse warehouse = new Warehouse(spark, storage.warehouse());
      RunStore store = new RunStore(storage.warehouse(), hadoop);
      org.tashil.reports.render.ReportFolder reports =
          reportOptions.folder(spark.sparkContext().hadoopConfiguration());
      RenderJob job =
          new RenderJob(warehouse, registry, reports, lang, suppressBelow, Progress.NONE);
      PrintWriter out = spec.commandLine().getOut();
      LocalDate today = ZonedDateTime.now(Period.TEHRAN).toLocalDate();
      for (Period period : periodsOption.periods().periods()) {
        long start = System.nanoTime();
        RunLog log = new RunLog(store, "render");
        RenderJob.Result result;
        try {
          int revision = store.nextRevision(period.toString());
          result = job.run(period, log.id(), revision, today);
          int pdfs = result.rendered().reports().size();
          log.stage(RunRecord.StageName.RENDER, start, Map.of("pdfs", (long) pdfs));
          log.write(
              period,
              RunRecord.Outcome.SUCCEEDED,
              null,
              null,
              revision,
              result.warehouseVersion(),
              null,
              new RunRecord.Outputs(result.rendered().folder(), pdfs, List.of()));
        } catch (Exception e) {
          log.write(period, RunRecord.Outcome.FAILED, e.getMessage(), null, null, null, null, null);
          throw e;
        }
        out.printf(
            Locale.ROOT,
            "render %s: %d PDFs in %.1f s, of which %.1f s reading the marts (%s)%n",
            period,
            result.rendered().reports().size(),
            (System.nanoTime() - start) / 1e9,
            result.readSeconds(),
            result.rendered().folder());
      }
      out.println("reports: " + reports.location(periodsOption.periods().last().toString()));
      out.flush();
    }
    return Tashil.OK;
  }
}
