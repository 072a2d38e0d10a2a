package org.tashil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
import org.tashil.spark.Spark;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;

  @Mixin PeriodsOption periodsOption;

  @Option(
      names = "--on-time-days",
      paramLabel = "DAYS",
      defaultValue = "10",
      description =
          "A file is on time when first seen at most this many days after the period's last day."
              + " Default: ${DEFAULT-VALUE}.")
  int onTimeDays;

  @Override
  public Integer call() {
    if (onTimeDays < 0) {
      throw new UsageException("--on-time-days must be 0 or more, not " + onTimeDays);
    }
    sparkOptions.applyLogLevel();
    SparkSession spark =
        Spark.session("tashil aggregate " + periodsOption.periods(), sparkOptions.master());
    AggregateJob job =
        new AggregateJob(
            spark, storage.registry(), new Warehouse(spark, storage.warehouse()), onTimeDays);
    PrintWriter out = spec.commandLine().getOut();
    for (Period period : periodsOption.periods().periods()) {
      long start = System.nanoTime();
      AggregateJob.Result result = job.run(period);
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
    return Tashil.OK;
  }
}
