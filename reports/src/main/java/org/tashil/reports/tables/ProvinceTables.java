package org.tashil.reports.tables;

import java.util.List;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.CountyFigures;
import org.tashil.reports.model.DeprivationShare;
import org.tashil.reports.model.OfficeCompleteness;
import org.tashil.reports.model.OfficeNote;
import org.tashil.reports.model.ProvinceHeadline;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementRanking;
import org.tashil.reports.model.SettlementRelocation;

/** The province report's tables, one sheet each, in the order the PDF shows them. */
public final class ProvinceTables {

  private ProvinceTables() {}

  public static List<Table> tables(ProvinceReport report, RenderContext context) {
    TableWording words = new TableWording(context);
    return List.of(
        headline(report.headline(), words),
        words.table(
            "sheet.deprivations",
            report.deprivations(),
            words.column(
                "column.deprivation",
                (DeprivationShare row) -> words.label(row.deprivation().labelKey())),
            words.column("column.province", row -> words.share(row.share()))),
        words.table(
            "sheet.completeness",
            report.completeness(),
            words.column(
                "table.column.office_id", (OfficeCompleteness row) -> words.text(row.officeId())),
            words.column("column.office", row -> words.name(row.office())),
            words.column("column.settlements_served", row -> words.count(row.settlementsServed())),
            words.column("column.households_file", row -> words.label(row.households().labelKey())),
            words.column("column.demands_file", row -> words.label(row.demands().labelKey())),
            words.column("column.activities_file", row -> words.label(row.activities().labelKey())),
            words.column("column.rows_read", row -> words.count(row.rowsRead())),
            words.column("column.rows_quarantined", row -> words.count(row.rowsQuarantined()))),
        words.table(
            "sheet.ranking",
            report.settlements(),
            words.column("column.rank", (SettlementRanking row) -> words.count(row.rank())),
            words.column("table.column.settlement_id", row -> words.text(row.settlementId())),
            words.column("column.settlement_name", row -> words.name(row.settlement())),
            words.column("column.county", row -> words.name(row.county())),
            words.column("column.households_surveyed", row -> words.count(row.households())),
            words.column("column.coverage", row -> words.share(row.coverage())),
            words.column("column.slum_households", row -> words.share(row.slumHouseholds())),
            words.column("column.m0", row -> words.index(row.index()))),
        words.table(
            "sheet.counties",
            report.counties(),
            words.column("column.county", (CountyFigures row) -> words.name(row.county())),
            words.column("column.settlements", row -> words.count(row.settlements())),
            words.column("column.households_surveyed", row -> words.count(row.households())),
            words.column("column.coverage", row -> words.share(row.coverage())),
            words.column("column.slum_households", row -> words.share(row.slumHouseholds())),
            words.column("column.m0", row -> words.index(row.index())),
            words.column("column.new", row -> words.count(row.newDemands())),
            words.column("column.open", row -> words.count(row.openDemands()))),
        words.table(
            "sheet.agencies",
            report.agencies(),
            words.column(
                "table.column.agency_id", (AgencyPerformance row) -> words.text(row.agencyId())),
            words.column("column.agency", row -> words.name(row.agency())),
            words.column("column.sla_days", row -> words.count(row.slaDays())),
            words.column("column.new", row -> words.count(row.newDemands())),
            words.column("column.resolved", row -> words.count(row.resolved())),
            words.column("column.open", row -> words.count(row.open())),
            words.column("column.overdue", row -> words.count(row.openOverdue())),
            words.column("column.median_days", row -> words.days(row.medianDaysToResolve())),
            words.column("column.sla_met", row -> words.percent(row.slaMetShare())),
            words.column("column.oldest_open", row -> words.count(row.oldestOpenDays()))),
        SharedTables.categories(report.categories(), false, words),
        SharedTables.trend(report.trend(), words),
        words.table(
            "sheet.relocation",
            report.relocationBySettlement().stream()
                .filter(row -> row.relocation().hazardHouseholds() > 0)
                .toList(),
            words.column(
                "table.column.settlement_id",
                (SettlementRelocation row) -> words.text(row.settlementId())),
            words.column("column.settlement", row -> words.name(row.settlement())),
            words.column(
                "column.hazard_households",
                row -> words.count(row.relocation().hazardHouseholds())),
            words.column("column.consent_yes", row -> words.count(row.relocation().consentYes())),
            words.column("table.column.share", row -> words.share(row.relocation().yesShare())),
            words.column("column.consent_no", row -> words.count(row.relocation().consentNo())),
            words.column("table.column.share", row -> words.share(row.relocation().noShare())),
            words.column(
                "column.consent_undecided",
                row -> words.count(row.relocation().consentUndecided())),
            words.column(
                "table.column.share", row -> words.share(row.relocation().undecidedShare()))),
        words.table(
            "sheet.data_quality",
            report.dataQuality(),
            words.column("table.column.office_id", (OfficeNote row) -> words.text(row.officeId())),
            words.column("column.office", row -> words.name(row.office())),
            words.column("column.note", row -> words.note(row.note()))));
  }

  static Table headline(ProvinceHeadline headline, TableWording words) {
    var key = headline.keyFigures();
    return words.figures(
        "sheet.headline",
        TableWording.concat(
            List.of(
                words.figure("card.settlements", words.count(headline.settlements())),
                words.figure("card.est_population", words.count(key.estimatedPopulation())),
                words.figure("card.est_households", words.count(key.estimatedHouseholds())),
                words.figure("card.households_surveyed", words.count(key.households())),
                words.figure("table.figure.persons", words.count(key.persons())),
                words.figure("card.coverage", words.share(key.coverage()))),
            SharedTables.poverty(headline.poverty(), words),
            SharedTables.demands(headline.demands(), words),
            List.of(
                words.figure("card.active_offices", words.count(headline.activeOffices())),
                words.figure(
                    "table.figure.offices_with_demands",
                    words.count(headline.officesWithDemandsFile())),
                words.figure("table.figure.offices_on_time", words.count(headline.officesOnTime())),
                words.figure("card.completeness", words.percent(headline.completeness())),
                words.figure("card.timeliness", words.percent(headline.timeliness()))),
            SharedTables.activities(headline.activities(), words),
            SharedTables.relocation(headline.relocation(), words)));
  }
}
