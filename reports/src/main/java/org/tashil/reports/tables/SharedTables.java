package org.tashil.reports.tables;

import java.util.List;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.TrendPoint;
import org.tashil.reports.tables.TableWording.Figure;

/** The tables and groups of figures the province's and a settlement's reports both have. */
final class SharedTables {

  private SharedTables() {}

  static List<Figure> poverty(Poverty poverty, TableWording words) {
    return List.of(
        words.figure("card.slum_households", words.share(poverty.slumHouseholds())),
        words.figure("card.slum_persons", words.share(poverty.slumPersons())),
        words.figure("card.headcount", words.share(poverty.headcount())),
        words.figure("card.intensity", words.share(poverty.intensity())),
        words.figure("card.m0", words.index(poverty.index())));
  }

  /**
   * The month's demands with its balance (open at the start + new − closed ± late = open); without
   * the demands file behind them, the month's flows are "no file", never 0.
   */
  static List<Figure> demands(DemandFigures demands, TableWording words) {
    boolean none = demands.files().noFile();
    return List.of(
        words.figure("table.figure.open_start", words.count(demands.openAtStart())),
        words.figure("card.new", flow(none, demands.newDemands(), words)),
        words.figure("card.resolved", flow(none, demands.resolved(), words)),
        words.figure("table.figure.rejected", flow(none, demands.rejected(), words)),
        words.figure("table.figure.withdrawn", flow(none, demands.withdrawn(), words)),
        words.figure("table.figure.late_added", flow(none, demands.lateAdded(), words)),
        words.figure("table.figure.late_removed", flow(none, demands.lateRemoved(), words)),
        words.figure("card.open", words.count(demands.open())),
        words.figure("card.overdue", words.count(demands.openOverdue())),
        words.figure(
            "card.median_days", none ? words.noFile() : words.days(demands.medianDaysToResolve())),
        words.figure(
            "table.figure.households_affected", words.count(demands.householdsAffectedOpen())));
  }

  private static Cell flow(boolean noFile, long value, TableWording words) {
    return noFile ? words.noFile() : words.count(value);
  }

  static List<Figure> activities(Activities activities, TableWording words) {
    boolean none = activities.files().noFile();
    Double women =
        activities.participants() == 0
            ? null
            : (double) activities.womenParticipants() / activities.participants();
    return List.of(
        words.figure("field.activities", flow(none, activities.activities(), words)),
        words.figure("field.participants", flow(none, activities.participants(), words)),
        words.figure("field.women_participants", flow(none, activities.womenParticipants(), words)),
        words.figure("table.figure.women_share", none ? words.noFile() : words.percent(women)));
  }

  static List<Figure> relocation(Relocation relocation, TableWording words) {
    return List.of(
        words.figure("field.hazard_households", words.count(relocation.hazardHouseholds())),
        words.figure("field.consent_yes", words.count(relocation.consentYes())),
        words.figure("table.figure.consent_yes_share", words.share(relocation.yesShare())),
        words.figure("field.consent_no", words.count(relocation.consentNo())),
        words.figure("table.figure.consent_no_share", words.share(relocation.noShare())),
        words.figure("field.consent_undecided", words.count(relocation.consentUndecided())),
        words.figure(
            "table.figure.consent_undecided_share", words.share(relocation.undecidedShare())));
  }

  /** The categories; {@code noFile}: without the demands file, the month's flows are unknown. */
  static Table categories(List<CategoryFigures> categories, boolean noFile, TableWording words) {
    return words.table(
        "sheet.categories",
        categories,
        words.column("column.category", row -> words.label(row.category().labelKey())),
        words.column("column.new", row -> flow(noFile, row.newDemands(), words)),
        words.column("column.resolved", row -> flow(noFile, row.resolved(), words)),
        words.column("column.open", row -> words.count(row.open())));
  }

  /** The trend, oldest month first (as the record keeps it). */
  static Table trend(List<TrendPoint> trend, TableWording words) {
    return words.table(
        "sheet.trend",
        trend,
        words.column("table.column.month", row -> words.month(row.period())),
        words.column(
            "column.new", row -> row.missing() ? words.noFile() : words.count(row.newDemands())),
        words.column(
            "column.resolved", row -> row.missing() ? words.noFile() : words.count(row.resolved())),
        words.column("column.open", row -> words.count(row.open())));
  }
}
