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

  static List<Figure> demands(DemandFigures demands, TableWording words) {
    return List.of(
        words.figure("card.new", words.count(demands.newDemands())),
        words.figure("card.resolved", words.count(demands.resolved())),
        words.figure("table.figure.rejected", words.count(demands.rejected())),
        words.figure("table.figure.withdrawn", words.count(demands.withdrawn())),
        words.figure("card.open", words.count(demands.open())),
        words.figure("card.overdue", words.count(demands.openOverdue())),
        words.figure("card.median_days", words.days(demands.medianDaysToResolve())),
        words.figure(
            "table.figure.households_affected", words.count(demands.householdsAffectedOpen())));
  }

  static List<Figure> activities(Activities activities, TableWording words) {
    Double women =
        activities.participants() == 0
            ? null
            : (double) activities.womenParticipants() / activities.participants();
    return List.of(
        words.figure("field.activities", words.count(activities.activities())),
        words.figure("field.participants", words.count(activities.participants())),
        words.figure("field.women_participants", words.count(activities.womenParticipants())),
        words.figure("table.figure.women_share", words.percent(women)));
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

  static Table categories(List<CategoryFigures> categories, TableWording words) {
    return words.table(
        "sheet.categories",
        categories,
        words.column("column.category", row -> words.label(row.category().labelKey())),
        words.column("column.new", row -> words.count(row.newDemands())),
        words.column("column.resolved", row -> words.count(row.resolved())),
        words.column("column.open", row -> words.count(row.open())));
  }

  /** The trend, oldest month first (as the record keeps it). */
  static Table trend(List<TrendPoint> trend, TableWording words) {
    return words.table(
        "sheet.trend",
        trend,
        words.column("table.column.month", row -> words.month(row.period())),
        words.column("column.new", row -> words.count(row.newDemands())),
        words.column("column.resolved", row -> words.count(row.resolved())),
        words.column("column.open", row -> words.count(row.open())));
  }
}
