package org.tashil.reports.render;

import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.text.JalaliCalendar;
import org.tashil.reports.text.Labels;

/**
 * The PDF metadata: the title in the report's language and month; subject and keywords name the
 * period as the contract writes it ({@code 1405-08}) and the warehouse version, so a PDF found on
 * its own can be traced to the data behind it.
 */
final class Metadata {

  private Metadata() {}

  static PdfMetadata settlement(SettlementReport report, RenderContext context) {
    Labels labels = Labels.of(context.language());
    String title =
        labels.format("title.settlement", report.header().settlement().in(context.language()))
            + " — "
            + new JalaliCalendar(context.language()).month(context.period());
    return new PdfMetadata(
        title,
        subject(context, "settlement " + report.settlementId()),
        keywords(context) + ", " + report.settlementId());
  }

  static PdfMetadata office(OfficeReport report, RenderContext context) {
    Labels labels = Labels.of(context.language());
    String title =
        labels.format("title.office", report.office().in(context.language()))
            + " — "
            + new JalaliCalendar(context.language()).month(context.period());
    return new PdfMetadata(
        title,
        subject(context, "office " + report.officeId()),
        keywords(context) + ", " + report.officeId());
  }

  static PdfMetadata province(RenderContext context) {
    Labels labels = Labels.of(context.language());
    String title =
        labels.text("title.province")
            + " — "
            + new JalaliCalendar(context.language()).month(context.period());
    return new PdfMetadata(title, subject(context, "province"), keywords(context) + ", province");
  }

  static PdfMetadata agency(AgencyReport report, RenderContext context) {
    Labels labels = Labels.of(context.language());
    String title =
        labels.format("title.agency", report.performance().agency().in(context.language()))
            + " — "
            + new JalaliCalendar(context.language()).month(context.period());
    return new PdfMetadata(
        title,
        subject(context, "agency " + report.agencyId()),
        keywords(context) + ", " + report.agencyId());
  }

  private static String subject(RenderContext context, String what) {
    return "Tashil monthly report, " + what + ", " + identity(context);
  }

  private static String keywords(RenderContext context) {
    return "Tashil, " + identity(context) + ", " + context.language().code();
  }

  /** What names the report's data: its period, the warehouse version, the run and revision. */
  private static String identity(RenderContext context) {
    return "period "
        + context.period()
        + ", warehouse version "
        + context.warehouseVersion()
        + ", run "
        + context.runId()
        + ", revision "
        + context.revision();
  }
}
