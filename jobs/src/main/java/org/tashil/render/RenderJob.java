package org.tashil.render;

import java.time.LocalDate;
import java.util.Objects;
import org.tashil.calendar.Period;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.PeriodReports;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.render.PeriodRenderer;
import org.tashil.reports.render.RenderedPeriod;
import org.tashil.reports.render.ReportFolder;
import org.tashil.reports.render.ReportRenderer;
import org.tashil.run.Progress;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil render}: every PDF of a period rendered in this JVM, in parallel, from its marts'
 * rows ({@link ReportInputs}: as aggregate has just written them, or read back from the warehouse).
 */
public final class RenderJob {

  private final Warehouse warehouse;
  private final ReportFolder reports;
  private final Language language;
  private final int suppressBelow;
  private final Progress progress;
  private PeriodRenderer renderer;

  public RenderJob(
      Warehouse warehouse,
      ReportFolder reports,
      Language language,
      int suppressBelow,
      Progress progress) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.language = Objects.requireNonNull(language, "language");
    this.suppressBelow = suppressBelow;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What one render made.
   *
   * @param warehouseVersion the marts' version the reports name
   * @param readSeconds from the marts' rows to the reports' records, reading the rows included when
   *     they were read ({@link #afterReading})
   */
  public record Result(RenderedPeriod rendered, long warehouseVersion, double readSeconds) {

    public Result {
      Objects.requireNonNull(rendered, "rendered");
      if (readSeconds < 0) {
        throw new IllegalArgumentException("reading takes no less than 0 s, not " + readSeconds);
      }
    }

    /** The same render, after {@code seconds} spent getting its marts' rows. */
    public Result afterReading(double seconds) {
      return new Result(rendered, warehouseVersion, readSeconds + seconds);
    }
  }

  /**
   * Renders the period of {@code marts}: its province's report, each settlement's, each agency's
   * and each active office's.
   */
  public Result run(ReportInputs marts, String runId, int revision, LocalDate today) {
    long start = System.nanoTime();
    Period period = marts.period();
    long version = warehouse.version("marts/settlement_month");
    RenderContext context =
        new RenderContext(
            language,
            runId,
            revision,
            today,
            version,
            ReportInputs.reportPeriod(period),
            suppressBelow,
            marts.filesDue());
    var province = marts.provinceReport();
    var settlements = marts.settlementReports();
    var agencies = marts.agencyReports();
    var offices = marts.officeReports();
    double readSeconds = (System.nanoTime() - start) / 1e9;
    progress.step(
        "rendering " + (1 + settlements.size() + agencies.size() + offices.size()) + " PDFs");
    RenderedPeriod rendered =
        renderer()
            .render(reports, context, new PeriodReports(province, settlements, agencies, offices));
    return new Result(rendered, version, readSeconds);
  }

  private PeriodRenderer renderer() {
    if (renderer == null) {
      renderer = new PeriodRenderer(ReportRenderer.withCompiledTemplates());
    }
    return renderer;
  }
}
