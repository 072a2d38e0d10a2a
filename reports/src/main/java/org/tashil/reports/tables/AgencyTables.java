package org.tashil.reports.tables;

import java.util.List;
import org.tashil.reports.model.AgencyDemand;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.AgencyTrendPoint;
import org.tashil.reports.model.RenderContext;

/** An agency follow-up report's tables, one sheet each, in the order the PDF shows them. */
public final class AgencyTables {

  private AgencyTables() {}

  public static List<Table> tables(AgencyReport report, RenderContext context) {
    TableWording words = new TableWording(context);
    AgencyPerformance agency = report.performance();
    return List.of(
        words.figures(
            "sheet.agency_month",
            List.of(
                words.figure("table.column.agency_id", words.text(agency.agencyId())),
                words.figure("field.agency", words.name(agency.agency())),
                words.figure("field.sla", words.count(agency.slaDays())),
                words.figure("card.open", words.count(agency.open())),
                words.figure("card.overdue", words.count(agency.openOverdue())),
                words.figure("card.new", words.count(agency.newDemands())),
                words.figure("card.resolved", words.count(agency.resolved())),
                words.figure("card.median_days", words.days(agency.medianDaysToResolve())),
                words.figure("card.p90_days", words.days(report.p90DaysToResolve())),
                words.figure("card.sla_met", words.percent(agency.slaMetShare())),
                words.figure("card.oldest_open", words.count(agency.oldestOpenDays())))),
        words.table(
            "sheet.agency_trend",
            report.trend(),
            words.column(
                "table.column.month", (AgencyTrendPoint point) -> words.month(point.period())),
            words.column("column.open", point -> words.count(point.open())),
            words.column("column.overdue", point -> words.count(point.overdue()))),
        words.table(
            "sheet.agency_open",
            report.openDemands(),
            words.column("column.county", (AgencyDemand row) -> words.name(row.county())),
            words.column("table.column.settlement_id", row -> words.text(row.settlementId())),
            words.column("column.settlement", row -> words.name(row.settlement())),
            words.column("column.office", row -> words.text(row.officeId())),
            words.column("column.demand", row -> words.text(row.demandId())),
            words.column("column.category", row -> words.label(row.category().labelKey())),
            words.column(
                "column.priority", row -> row.urgent() ? words.label("priority.urgent") : blank()),
            words.column("column.status", row -> words.label(row.status().labelKey())),
            words.column("column.registered_on", row -> words.date(row.registeredOn())),
            words.column("column.days_open", row -> words.count(row.daysOpen())),
            words.column(
                "column.overdue", row -> row.overdue() ? words.label("value.yes") : blank()),
            words.column(
                "column.households_affected", row -> words.count(row.householdsAffected()))));
  }

  private static Cell blank() {
    return new Cell.Text("");
  }
}
