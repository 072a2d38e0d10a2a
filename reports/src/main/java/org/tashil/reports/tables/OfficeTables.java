package org.tashil.reports.tables;

import java.util.List;
import org.tashil.reports.model.AgencyBacklog;
import org.tashil.reports.model.OfficeFile;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.QualityFlag;
import org.tashil.reports.model.ReasonCount;
import org.tashil.reports.model.RejectedRow;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.text.JalaliCalendar;
import org.tashil.reports.text.Labels;
import org.tashil.reports.view.ProblemWording;

/**
 * An office feedback report's tables, one sheet each, in the order the PDF shows them: its files,
 * its rejected rows by reason against last month, its figures out of the ordinary, its settlements'
 * open demands by agency and every rejected row with its reason and how to fix it, worded as the
 * PDF words them (so no value the PDF leaves out appears here either).
 */
public final class OfficeTables {

  private OfficeTables() {}

  public static List<Table> tables(OfficeReport report, RenderContext context) {
    TableWording words = new TableWording(context);
    Labels labels = Labels.of(context.language());
    ProblemWording problems =
        new ProblemWording(labels, context.language(), new JalaliCalendar(context.language()));
    return List.of(
        words.table(
            "sheet.office_files",
            report.files(),
            words.column(
                "column.file", (OfficeFile file) -> words.label(file.dataset().labelKey())),
            words.column(
                "column.status", file -> words.label("office." + file.arrival().labelKey())),
            words.column(
                "column.arrived_on",
                file ->
                    file.arrivedOn() == null ? words.count(null) : words.date(file.arrivedOn())),
            words.column("table.column.days_late", file -> words.count(file.daysAfterPeriodEnd())),
            words.column("column.rows_read", file -> words.count(file.rowsRead())),
            words.column("column.rows_accepted", file -> words.count(file.rowsAccepted())),
            words.column("column.rows_quarantined", file -> words.count(file.rowsQuarantined()))),
        words.table(
            "sheet.office_reasons",
            report.reasons(),
            words.column(
                "column.reason",
                (ReasonCount reason) -> words.label(ProblemWording.oneRowKey(reason.reason()))),
            words.column("column.rows_this_month", reason -> words.count(reason.rows())),
            words.column(
                "column.rows_previous_month", reason -> words.count(reason.rowsPreviousMonth()))),
        words.table(
            "sheet.quality_flags",
            report.flags(),
            words.column("column.name", (QualityFlag flag) -> words.name(flag.name())),
            words.column("column.measure", flag -> words.label(flag.measure().labelKey())),
            words.column("column.value", flag -> words.count(flag.value())),
            words.column("table.column.median", flag -> words.days(flag.median())),
            words.column("table.column.range_low", flag -> words.days(flag.rangeLow())),
            words.column("table.column.range_high", flag -> words.days(flag.rangeHigh())),
            words.column("column.months_compared", flag -> words.count(flag.monthsCompared())),
            words.column("table.column.first_month", flag -> words.month(flag.firstCompared())),
            words.column("table.column.last_month", flag -> words.month(flag.lastCompared()))),
        words.table(
            "sheet.office_agencies",
            report.agencies(),
            words.column("column.agency", (AgencyBacklog row) -> words.name(row.agency())),
            words.column("column.sla_days", row -> words.count(row.slaDays())),
            words.column("column.open_demands", row -> words.count(row.open())),
            words.column("column.overdue", row -> words.count(row.overdue())),
            words.column("column.oldest_days", row -> words.count(row.oldestDays()))),
        words.table(
            "sheet.rejected_rows",
            report.rejectedRows(),
            words.column("column.file", (RejectedRow row) -> words.text(row.file())),
            words.column("column.line", row -> words.count(row.line())),
            words.column(
                "column.column",
                row ->
                    row.column() == null
                        ? words.label("office.whole_row")
                        : words.text(row.column())),
            words.column("column.problem", row -> words.text(problems.reason(row))),
            words.column("column.fix", row -> words.text(problems.fix(row)))));
  }
}
