package org.tashil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.render.RenderJob;
import org.tashil.reports.model.Language;
import org.tashil.run.PeriodResult;
import org.tashil.run.PeriodRun;
import org.tashil.run.PeriodRunBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tashil render --period P}: the period's PDFs, one for the province, one per settlement and
 * one per agency.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Render the period's reports from its marts: <reports>/<period>/province.pdf,"
            + " settlements/<settlement_id>.pdf and agencies/<agency_id>.pdf, each with an .xlsx"
            + " of its tables, index.csv and index.html.")
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
    PeriodRunBuilder builder =
        PeriodRuns.builder(
                PeriodRun.Command.RENDER, periodsOption.periods(), registry, storage, sparkOptions)
            .reports(reportOptions::folder, lang, suppressBelow);
    try (PeriodRun run = builder.open()) {
      PrintWriter out = spec.commandLine().getOut();
      String lastFolder = null;
      for (Period period : periodsOption.periods().periods()) {
        PeriodResult result = run.run(period);
        RenderJob.Result rendered = result.rendered().orElseThrow();
        out.printf(
            Locale.ROOT,
            "render %s: %d PDFs in %.1f s, of which %.1f s reading the marts (%s)%n",
            period,
            rendered.rendered().reports().size(),
            result.seconds(),
            rendered.readSeconds(),
            rendered.rendered().folder());
        lastFolder = rendered.rendered().folder();
      }
      // The last period's folder: the range's periods run in order, each under its own name.
      out.println("reports: " + lastFolder);
      out.flush();
    }
    return Tashil.OK;
  }
}
