package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.Share;
import org.tashil.reports.model.TrendPoint;
import org.tashil.reports.view.Rows.CategoryRow;
import org.tashil.reports.view.Rows.ChartPoint;

/** The parts both reports share: poverty, demands, relocation, activities, categories, trend. */
final class Figures {

  private Figures() {}

  static void poverty(Map<String, Object> parameters, Poverty poverty, Wording wording) {
    parameters.put("SLUM_HOUSEHOLDS", wording.share(poverty.slumHouseholds()));
    parameters.put("SLUM_PERSONS", wording.share(poverty.slumPersons()));
    parameters.put("HEADCOUNT", wording.share(poverty.headcount()));
    parameters.put("INTENSITY", wording.share(poverty.intensity()));
    parameters.put("INDEX", wording.formats.index(poverty.index()));
  }

  static void demands(Map<String, Object> parameters, DemandFigures demands, Wording wording) {
    parameters.put("DEMANDS_NEW", wording.number(demands.newDemands()));
    parameters.put("DEMANDS_RESOLVED", wording.number(demands.resolved()));
    parameters.put("DEMANDS_OPEN", wording.number(demands.open()));
    parameters.put("DEMANDS_OVERDUE", wording.number(demands.openOverdue()));
    parameters.put("DEMANDS_MEDIAN_DAYS", wording.formats.decimal(demands.medianDaysToResolve()));
  }

  static void relocation(Map<String, Object> parameters, Relocation relocation, Wording wording) {
    parameters.put("HAZARD_HOUSEHOLDS", wording.number(relocation.hazardHouseholds()));
    parameters.put(
        "CONSENT_YES", wording.countWithShare(relocation.consentYes(), relocation.yesShare()));
    parameters.put(
        "CONSENT_NO", wording.countWithShare(relocation.consentNo(), relocation.noShare()));
    parameters.put(
        "CONSENT_UNDECIDED",
        wording.countWithShare(relocation.consentUndecided(), relocation.undecidedShare()));
  }

  static void activities(Map<String, Object> parameters, Activities activities, Wording wording) {
    parameters.put("ACTIVITIES", wording.number(activities.activities()));
    parameters.put("PARTICIPANTS", wording.number(activities.participants()));
    Double women =
        activities.participants() == 0
            ? null
            : (double) activities.womenParticipants() / activities.participants();
    parameters.put(
        "WOMEN_PARTICIPANTS",
        wording.format(
            "value.with_share",
            wording.number(activities.womenParticipants()),
            wording.formats.percent(women)));
  }

  /** The categories' table and chart, and the trend chart. */
  static void categoriesAndTrend(
      Map<String, Object> parameters,
      List<CategoryFigures> all,
      List<TrendPoint> trend,
      Wording wording) {
    List<CategoryFigures> categories = activeCategories(all);
    parameters.put("CATEGORY_ROWS", categoryRows(categories, wording));
    parameters.put("CATEGORY_POINTS", categoryPoints(categories, wording));
    parameters.put("TREND_POINTS", trendPoints(trend, wording));
  }

  /** The categories with any new, resolved or open demand. */
  static List<CategoryFigures> activeCategories(List<CategoryFigures> categories) {
    return categories.stream()
        .filter(row -> row.newDemands() + row.resolved() + row.open() > 0)
        .toList();
  }

  static List<CategoryRow> categoryRows(List<CategoryFigures> categories, Wording wording) {
    return categories.stream()
        .map(
            row ->
                new CategoryRow(
                    wording.label(row.category().labelKey()),
                    wording.number(row.newDemands()),
                    wording.number(row.resolved()),
                    wording.number(row.open())))
        .toList();
  }

  static List<ChartPoint> categoryPoints(List<CategoryFigures> categories, Wording wording) {
    String fresh = wording.label("series.new");
    String resolved = wording.label("series.resolved");
    String open = wording.label("series.open");
    List<ChartPoint> points = new ArrayList<>();
    for (CategoryFigures row : categories) {
      String category = wording.label(row.category().labelKey());
      points.add(countPoint(fresh, category, row.newDemands(), wording));
      points.add(countPoint(resolved, category, row.resolved(), wording));
      points.add(countPoint(open, category, row.open(), wording));
    }
    return points;
  }

  static List<ChartPoint> trendPoints(List<TrendPoint> trend, Wording wording) {
    String fresh = wording.label("series.new");
    String resolved = wording.label("series.resolved");
    String open = wording.label("series.open");
    List<ChartPoint> points = new ArrayList<>();
    for (TrendPoint point : trend) {
      String month = wording.calendar.shortMonth(point.period());
      points.add(new ChartPoint(fresh, month, (double) point.newDemands(), ""));
      points.add(new ChartPoint(resolved, month, (double) point.resolved(), ""));
      points.add(new ChartPoint(open, month, (double) point.open(), ""));
    }
    return points;
  }

  /**
   * A share as a bar: its percentage and label; a suppressed share is a zero-length bar labelled
   * {@code *} (its value must not show), a missing one a zero-length bar labelled with a dash.
   */
  static ChartPoint sharePoint(String series, String category, Share share, Wording wording) {
    Double value = wording.formats.chartValue(share);
    return new ChartPoint(
        series, category, value == null ? 0.0 : value, wording.formats.chartLabel(share));
  }

  static ChartPoint countPoint(String series, String category, long count, Wording wording) {
    return new ChartPoint(
        series, category, (double) count, count == 0 ? "" : wording.number(count));
  }
}
