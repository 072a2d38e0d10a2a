package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tashil.reports.model.OfficeFile;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.QualityFlag;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.text.Formats;
import org.tashil.reports.view.OfficeRows.BacklogRow;
import org.tashil.reports.view.OfficeRows.FileRow;
import org.tashil.reports.view.OfficeRows.FlagRow;
import org.tashil.reports.view.OfficeRows.ReasonRow;
import org.tashil.reports.view.OfficeRows.RejectedLine;

/** An office's feedback report as the template's parameters. */
public final class OfficeView {

  private OfficeView() {}

  /** The fill parameters (without the compiled subreports and styles, which the renderer adds). */
  public static Map<String, Object> parameters(OfficeReport report, RenderContext context) {
    Wording wording = new Wording(context);
    String name = report.office().in(wording.language);
    Map<String, Object> parameters =
        wording.common(
            wording.labels.format("title.office", name),
            wording.labels.format(
                "subtitle.office", report.officeId(), wording.number(report.settlementsServed())));
    parameters.put("OFFICE", wording.format("value.with_id", name, report.officeId()));
    parameters.put("SETTLEMENTS", wording.number(report.settlementsServed()));
    parameters.put(
        "DEADLINE",
        report.deadline() == null
            ? Formats.DASH
            : wording.text(wording.calendar.date(report.deadline())));
    parameters.put(
        "DEADLINE_NOTE",
        report.deadline() == null
            ? wording.text(wording.label("office.deadline.unknown"))
            : wording.format(
                "office.deadline",
                wording.calendar.month(context.period()),
                wording.calendar.date(report.deadline())));
    parameters.put("FILE_ROWS", fileRows(report, wording));
    parameters.put(
        "REASON_ROWS",
        report.reasons().stream()
            .map(
                reason ->
                    new ReasonRow(
                        wording.text(wording.label(ProblemWording.oneRowKey(reason.reason()))),
                        wording.number(reason.rows()),
                        wording.formats.number(reason.rowsPreviousMonth())))
            .toList());
    parameters.put("FLAG_ROWS", flagRows(report.flags(), wording));
    parameters.put(
        "AGENCY_ROWS",
        report.agencies().stream()
            .map(
                agency ->
                    new BacklogRow(
                        wording.text(agency.agency().in(wording.language)),
                        wording.number(agency.slaDays()),
                        wording.number(agency.open()),
                        wording.number(agency.overdue()),
                        wording.number(agency.oldestDays())))
            .toList());
    ProblemWording problems =
        new ProblemWording(wording.labels, wording.language, wording.calendar);
    parameters.put(
        "REJECTED_ROWS",
        report.rejectedRows().stream()
            .map(
                row ->
                    new RejectedLine(
                        row.file(),
                        problems.digits(String.valueOf(row.line())),
                        row.column() == null
                            ? wording.text(wording.label("office.whole_row"))
                            : row.column(),
                        wording.text(problems.reason(row)),
                        wording.text(problems.fix(row))))
            .toList());
    parameters.put(
        "REJECTED_COUNT",
        wording.format("office.rejected_count", wording.number(report.rejectedRows().size())));
    parameters.put(
        "FOOTNOTES",
        String.join(
            "\n",
            wording.text(wording.label("footnote.office")),
            wording.text(wording.label("footnote.quality_flags"))));
    return parameters;
  }

  static List<FileRow> fileRows(OfficeReport report, Wording wording) {
    List<FileRow> rows = new ArrayList<>();
    for (OfficeFile file : report.files()) {
      rows.add(
          new FileRow(
              wording.text(wording.label(file.dataset().labelKey())),
              wording.text(status(file, wording)),
              ProvinceView.alert(file.arrival()),
              file.arrivedOn() == null
                  ? Formats.DASH
                  : wording.text(wording.calendar.date(file.arrivedOn())),
              wording.number(file.rowsRead()),
              wording.number(file.rowsAccepted()),
              wording.number(file.rowsQuarantined())));
    }
    return rows;
  }

  private static String status(OfficeFile file, Wording wording) {
    return switch (file.arrival()) {
      case LATE -> wording.labels.format("office.arrival.late", file.daysAfterPeriodEnd());
      case ON_TIME, MISSING, REJECTED, NOT_DUE ->
          wording.label("office." + file.arrival().labelKey());
    };
  }

  /** The flags as a table's rows: also the province's data-quality table. */
  static List<FlagRow> flagRows(List<QualityFlag> flags, Wording wording) {
    return flags.stream()
        .map(
            flag ->
                new FlagRow(
                    wording.text(flag.name().in(wording.language)),
                    wording.text(wording.label(flag.measure().labelKey())),
                    wording.number(flag.value()),
                    wording.text(usualRange(flag, wording)),
                    wording.format(
                        "value.months_compared",
                        wording.number(flag.monthsCompared()),
                        wording.calendar.shortMonth(flag.firstCompared()),
                        wording.calendar.shortMonth(flag.lastCompared()))))
        .toList();
  }

  /**
   * The usual range as whole numbers, the counts inside it ("۸ تا ۱۲"), or one number when it holds
   * one; with one decimal when it holds no whole number.
   */
  static String usualRange(QualityFlag flag, Wording wording) {
    long low = (long) Math.ceil(flag.rangeLow());
    long high = (long) Math.floor(flag.rangeHigh());
    if (low == high) {
      return wording.number(low);
    }
    if (low < high) {
      return wording.labels.format("value.range", wording.number(low), wording.number(high));
    }
    return wording.labels.format(
        "value.range",
        wording.formats.decimal(flag.rangeLow()),
        wording.formats.decimal(flag.rangeHigh()));
  }
}
