package org.tashil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.run.PeriodResult;
import org.tashil.run.PeriodRun;
import org.tashil.run.PeriodRunBuilder;
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
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;
  @Mixin PeriodsOption periodsOption;
  @Mixin OnTimeOption onTimeOption;

  @Option(
      names = "--from-scratch",
      description =
          "Pick each period's household and demand states from every version received, instead"
              + " of carrying them from the previous period's, and write them anew.")
  boolean fromScratch;

  @Override
  public Integer call() throws Exception {
    int onTimeDays = onTimeOption.onTimeDays();
    Registry registry = storage.registry();
    PeriodRunBuilder builder =
        PeriodRuns.builder(
                PeriodRun.Command.AGGREGATE,
                periodsOption.periods(),
                registry,
                storage,
                sparkOptions)
            .onTimeDays(onTimeDays);
    if (fromScratch) {
      builder.fromScratch();
    }
    try (PeriodRun run = builder.open()) {
      PrintWriter out = spec.commandLine().getOut();
      for (Period period : periodsOption.periods().periods()) {
        PeriodResult result = run.run(period);
        AggregateJob.Result aggregated = result.aggregated().orElseThrow();
        out.printf(
            Locale.ROOT,
            "aggregate %s: %d marts in %.1f s; states %s%n",
            period,
            aggregated.millis().size(),
            result.seconds(),
            states(aggregated, period));
        out.printf(Locale.ROOT, "  %-17s %6.1f s%n", "(states)", aggregated.statesMillis() / 1e3);
        for (Map.Entry<String, Long> mart : aggregated.millis().entrySet()) {
          out.printf(Locale.ROOT, "  %-17s %6.1f s%n", mart.getKey(), mart.getValue() / 1e3);
        }
      }
      out.println("warehouse: " + storage.warehouse());
      out.flush();
    }
    return Tashil.OK;
  }

  /** Where each state came from: carried from the previous period's, or every version. */
  private static String states(AggregateJob.Result aggregated, Period period) {
    java.util.List<String> said = new java.util.ArrayList<>();
    aggregated
        .statesCarried()
        .forEach(
            (table, carried) ->
                said.add(
                    table
                        + (carried
                            ? " carried from " + period.minusMonths(1)
                            : " picked from every version")));
    return String.join(", ", said);
  }
}
