package org.tashil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
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
import picocli.CommandLine.Spec;

/** {@code tashil aggregate --period P}: the indicator marts of a period. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Compute every indicator mart of a period (settlements, counties, province, categories,"
            + " agencies, offices, 12-month trend) from the clean tables of all periods up to it.")
public final class AggregateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;
  @Mixin PeriodsOption periodsOption;
  @Mixin OnTimeOption onTimeOption;

  @Override
  public Integer call() {
    int onTimeDays = onTimeOption.onTimeDays();
    Registry registry = storage.registry();
    Configuration hadoop = HadoopConf.withoutSpark();
    try (WarehouseLock lock =
        WarehouseLock.acquire(
            storage.warehouse(),
            "aggregate " + periodsOption.periods(),
            hadoop,
            storage.lockStaleAfter())) {
      sparkOptions.applyLogLevel();
      SparkSession spark =
          Spark.session("tashil aggregate " + periodsOption.periods(), sparkOptions.master());
      AggregateJob job =
          new AggregateJob(spark, registry, new Warehouse(spark, storage.warehouse()), onTimeDays);
      RunStore store = new RunStore(storage.warehouse(), hadoop);
      PrintWriter out = spec.commandLine().getOut();
      for (Period period : periodsOption.periods().periods()) {
        long start = System.nanoTime();
        RunLog log = new RunLog(store, "aggregate");
        AggregateJob.Result result;
        try {
          result = job.run(period);
          log.stage(
              RunRecord.StageName.AGGREGATE, start, Map.of("marts", (long) result.millis().size()));
          log.write(period, RunRecord.Outcome.SUCCEEDED, null, null, null, null, null, null);
        } catch (RuntimeException e) {
          log.write(period, RunRecord.Outcome.FAILED, e.getMessage(), null, null, null, null, null);
          throw e;
        }
        out.printf(
            Locale.ROOT,
            "aggregate %s: %d marts in %.1f s%n",
            period,
            result.millis().size(),
            (System.nanoTime() - start) / 1e9);
        for (Map.Entry<String, Long> mart : result.millis().entrySet()) {
          out.printf(Locale.ROOT, "  %-17s %6.1f s%n", mart.getKey(), mart.getValue() / 1e3);
        }
      }
      out.println("warehouse: " + storage.warehouse());
      out.flush();
    }
    return Tashil.OK;
  }
}
