package org.tashil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.render.ReportInputs;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.render.PeriodRenderer;
import org.tashil.reports.render.RenderedPeriod;
import org.tashil.reports.render.ReportRenderer;
import org.tashil.spark.Spark;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;
  @Mixin PeriodsOption periodsOption;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      defaultValue = StorageOptions.HOME + "/var/reports",
      description = "Folder the PDFs are written under. Default: ${DEFAULT-VALUE}.")
  Path reports;

  @Mixin LanguageOption languageOption;

  @Option(
      names = "--suppress-below",
      paramLabel = "HOUSEHOLDS",
      defaultValue = "5",
      description =
          "A share over fewer households than this prints as * (default ${DEFAULT-VALUE}).")
  int suppressBelow;

  @Override
  public Integer call() {
    Language lang = languageOption.reportLanguage();
    if (suppressBelow < 1) {
      throw new UsageException("--suppress-below is at least 1, not " + suppressBelow);
    }
    Registry registry = storage.registry();
    sparkOptions.applyLogLevel();
    SparkSession spark =
        Spark.session("tashil render " + periodsOption.periods(), sparkOptions.master());
    Warehouse warehouse = new Warehouse(spark, storage.warehouse());
    PeriodRenderer renderer = new PeriodRenderer(ReportRenderer.withCompiledTemplates());
    PrintWriter out = spec.commandLine().getOut();
    ZonedDateTime now = ZonedDateTime.now(Period.TEHRAN);
    String runId = "render-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    for (Period period : periodsOption.periods().periods()) {
      long start = System.nanoTime();
      ReportInputs inputs = new ReportInputs(warehouse, registry, period);
      RenderContext context =
          new RenderContext(
              lang,
              runId,
              now.toLocalDate(),
              warehouse.version("marts/settlement_month"),
              ReportInputs.reportPeriod(period),
              suppressBelow);
      RenderedPeriod rendered =
          renderer.render(reports, context, inputs.provinceReport(), inputs.settlementReports());
      out.printf(
          Locale.ROOT,
          "render %s: %d PDFs in %.1f s, of which %.1f s reading the marts (%s)%n",
          period,
          rendered.reports().size(),
          (System.nanoTime() - start) / 1e9,
          (System.nanoTime() - start) / 1e9 - rendered.elapsed().toNanos() / 1e9,
          rendered.folder());
    }
    out.println("reports: " + reports.resolve(periodsOption.periods().last().toString()));
    out.flush();
    return Tashil.OK;
  }
}
