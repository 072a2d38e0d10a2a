package org.tashil.reports.tables;

import java.util.List;
import org.tashil.reports.model.DataQualityNote;
import org.tashil.reports.model.DeprivationComparison;
import org.tashil.reports.model.KeyFigures;
import org.tashil.reports.model.OpenDemand;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementHeader;
import org.tashil.reports.model.SettlementReport;

/** A settlement report's tables, one sheet each, in the order the PDF shows them. */
public final class SettlementTables {

  private SettlementTables() {}

  public static List<Table> tables(SettlementReport report, RenderContext context) {
    TableWording words = new TableWording(context);
    SettlementHeader header = report.header();
    KeyFigures key = report.keyFigures();
    return List.of(
        words.figures(
            "sheet.key_figures",
            List.of(
                words.figure("table.column.settlement_id", words.text(header.settlementId())),
                words.figure("field.settlement", words.name(header.settlement())),
                words.figure("field.city", words.name(header.city())),
                words.figure("field.county", words.name(header.county())),
                words.figure("field.office", words.name(header.office())),
                words.figure("card.est_population", words.count(key.estimatedPopulation())),
                words.figure("card.est_households", words.count(key.estimatedHouseholds())),
                words.figure("card.households_surveyed", words.count(key.households())),
                words.figure("table.figure.persons", words.count(key.persons())),
                words.figure("card.coverage", words.share(key.coverage())))),
        words.table(
            "sheet.deprivations",
            report.deprivations(),
            words.column(
                "column.deprivation",
                (DeprivationComparison row) -> words.label(row.deprivation().labelKey())),
            words.column("column.settlement", row -> words.share(row.settlement())),
            words.column("column.province", row -> words.share(row.province()))),
        words.figures(
            "sheet.poverty",
            TableWording.concat(
                SharedTables.poverty(report.poverty(), words),
                List.of(
                    words.figure(
                        "table.figure.rank",
                        words.count(report.rank() == null ? null : report.rank().position())),
                    words.figure(
                        "table.figure.ranked",
                        words.count(report.rank() == null ? null : report.rank().among()))))),
        words.figures("sheet.demands", SharedTables.demands(report.demands(), words)),
        SharedTables.categories(report.categories(), report.demands().files().noFile(), words),
        SharedTables.trend(report.trend(), words),
        words.table(
            "sheet.open_demands",
            report.oldestOpenDemands(),
            words.column("column.demand", (OpenDemand row) -> words.text(row.demandId())),
            words.column("column.category", row -> words.label(row.category().labelKey())),
            words.column("column.agency", row -> words.name(row.agency())),
            words.column("column.days_open", row -> words.count(row.daysOpen()))),
        words.figures("sheet.relocation", SharedTables.relocation(report.relocation(), words)),
        words.figures("sheet.activities", SharedTables.activities(report.activities(), words)),
        words.table(
            "sheet.data_quality",
            report.dataQuality(),
            words.column("column.note", (DataQualityNote note) -> words.note(note))));
  }
}
