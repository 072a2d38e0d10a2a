package org.tashil.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.render.PeriodRenderer;
import org.tashil.reports.render.RenderedPeriod;
import org.tashil.reports.render.ReportFolder;
import org.tashil.reports.render.ReportRenderer;
import org.tashil.run.Progress;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil render}: the period's marts read into the reports' records, and every PDF of the
 * period rendered from them in this JVM, in parallel.
 */
public final class RenderJob {

  private final Warehouse warehouse;
  private final Registry registry;
  private final ReportFolder reports;
  private final Language language;
  private final int suppressBelow;
  private final Progress progress;
  private PeriodRenderer renderer;

  public RenderJob(
      Warehouse warehouse,
      Registry registry,
      ReportFolder reports,
      Language language,
      int suppressBelow,
      Progress progress) {
    this.warehouse = warehouse;
    this.registry = registry;
    this.reports = reports;
    this.language = language;
    this.suppressBelow = suppressBelow;
    this.progress = progress;
  }

  /** What one render made, and how long reading the marts took. */
  public record Result(RenderedPeriod rendered, long warehouseVersion, double readSeconds) {}

  /** Renders the period from its marts in the warehouse. */
  public Result run(Period period, String runId, int revision, LocalDate today) {
    return render(period, null, runId, revision, today);
  }

  /**
   * Renders the period from the rows aggregate has just written ({@link
   * org.tashil.aggregate.AggregateJob.Result#tables}), without reading them back: the same rows, of
   * the marts' current version.
   */
  public Result run(
      Period period, Map<String, List<Row>> written, String runId, int revision, LocalDate today) {
    return render(period, Objects.requireNonNull(written, "written"), runId, revision, today);
  }

  private Result render(
      Period period, Map<String, List<Row>> written, String runId, int revision, LocalDate today) {
    long start = System.nanoTime();
    progress.step(written == null ? "reading the marts" : "taking the marts as written");
    ReportInputs inputs =
        written == null
            ? ReportInputs.read(warehouse, registry, period)
            : new ReportInputs(written, registry, period);
    long version = warehouse.version("marts/settlement_month");
    RenderContext context =
        new RenderContext(
            language,
            runId,
            revision,
            today,
            version,
            ReportInputs.reportPeriod(period),
            suppressBelow);
    var province = inputs.provinceReport();
    var settlements = inputs.settlementReports();
    double readSeconds = (System.nanoTime() - start) / 1e9;
    progress.step("rendering " + (settlements.size() + 1) + " PDFs");
    RenderedPeriod rendered = renderer().render(reports, context, province, settlements);
    return new Result(rendered, version, readSeconds);
  }

  private PeriodRenderer renderer() {
    if (renderer == null) {
      renderer = new PeriodRenderer(ReportRenderer.withCompiledTemplates());
    }
    return renderer;
  }
}
