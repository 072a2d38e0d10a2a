package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.FileCoverage;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.Share;
import org.tashil.reports.model.TrendPoint;
import org.tashil.reports.view.Rows.CategoryRow;
import org.tashil.reports.view.Rows.ChartPoint;

/** The parts both reports share: poverty, demands, relocation, activities, categories, trend. */
final class Figures {

  static final char NO_BREAK_SPACE = '\u00A0';

  private Figures() {}

  static void poverty(Map<String, Object> parameters, Poverty poverty, Wording wording) {
    parameters.put("SLUM_HOUSEHOLDS", wording.share(poverty.slumHouseholds()));
    parameters.put("SLUM_PERSONS", wording.share(poverty.slumPersons()));
    parameters.put("HEADCOUNT", wording.share(poverty.headcount()));
    parameters.put("INTENSITY", wording.share(poverty.intensity()));
    parameters.put("INDEX", wording.formats.index(poverty.index()));
  }

  static void demands(Map<String, Object> parameters, DemandFigures demands, Wording wording) {
    FileCoverage files = demands.files();
    boolean noFile = files.noFile();
    String noFileValue = wording.label("value.no_file");
    parameters.put("DEMANDS_NEW", noFile ? noFileValue : wording.number(demands.newDemands()));
    parameters.put("DEMANDS_RESOLVED", noFile ? noFileValue : wording.number(demands.resolved()));
    parameters.put("DEMANDS_OPEN", wording.number(demands.open()));
    parameters.put("DEMANDS_OVERDUE", wording.number(demands.openOverdue()));
    parameters.put(
        "DEMANDS_MEDIAN_DAYS",
        noFile ? noFileValue : wording.formats.decimal(demands.medianDaysToResolve()));
    parameters.put("DEMANDS_STOCK_NOTE", noFile ? stockNote(files, wording) : null);
    parameters.put("DEMANDS_BALANCE", balance(demands, wording));
    parameters.put("DEMANDS_NOTE", fileNote(files, "demands", wording));
  }

  /**
   * The month's balance of open demands (docs/indicators.md §3.1), each term labelled and signed;
   * without the demands file, a sentence saying there is none. The late terms show when not zero.
   */
  static String balance(DemandFigures demands, Wording wording) {
    if (demands.files().noFile()) {
      return wording.format("balance.no_file");
    }
    List<String> terms = new ArrayList<>();
    terms.add(balanceTerm("balance.open_start", demands.openAtStart(), wording));
    terms.add(balanceTerm("balance.new", demands.newDemands(), wording));
    terms.add(balanceTerm("balance.resolved", demands.resolved(), wording));
    terms.add(balanceTerm("balance.rejected", demands.rejected(), wording));
    terms.add(balanceTerm("balance.withdrawn", demands.withdrawn(), wording));
    if (demands.lateAdded() > 0) {
      terms.add(balanceTerm("balance.late_added", demands.lateAdded(), wording));
    }
    if (demands.lateRemoved() > 0) {
      terms.add(balanceTerm("balance.late_removed", demands.lateRemoved(), wording));
    }
    terms.add(balanceTerm("balance.open_end", demands.open(), wording));
    return wording.text(String.join(" ", terms));
  }

  /**
   * One term, its sign, number and label held together by no-break spaces: a long balance wraps
   * between terms, never inside one.
   */
  private static String balanceTerm(String key, long count, Wording wording) {
    return wording.labels.format(key, wording.number(count)).replace(' ', NO_BREAK_SPACE);
  }

  /** Under the stocks, when this month's file is missing: as of which file they stand. */
  private static String stockNote(FileCoverage files, Wording wording) {
    return files.lastFile() == null
        ? wording.format("demands.as_of_none")
        : wording.format("demands.as_of", wording.calendar.month(files.lastFile()));
  }

  /**
   * What the figures of a dataset lack, if anything: its file (a settlement's, or every office's),
   * or some offices' files (a county's or the province's totals); null when nothing is missing.
   */
  static String fileNote(FileCoverage files, String dataset, Wording wording) {
    if (files.noFile()) {
      return wording.format("files.none." + dataset);
    }
    if (files.partial()) {
      return wording.format(
          "files.partial." + dataset,
          wording.number(files.officesMissing()),
          wording.number(files.activeOffices()));
    }
    return null;
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
    boolean noFile = activities.files().noFile();
    String noFileValue = wording.label("value.no_file");
    parameters.put("ACTIVITIES", noFile ? noFileValue : wording.number(activities.activities()));
    parameters.put(
        "PARTICIPANTS", noFile ? noFileValue : wording.number(activities.participants()));
    Double women =
        activities.participants() == 0
            ? null
            : (double) activities.womenParticipants() / activities.participants();
    parameters.put(
        "WOMEN_PARTICIPANTS",
        noFile
            ? noFileValue
            : wording.format(
                "value.with_share",
                wording.number(activities.womenParticipants()),
                wording.formats.percent(women)));
    parameters.put("ACTIVITIES_NOTE", fileNote(activities.files(), "activities", wording));
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

  /**
   * Without the demands file, the categories' new and resolved demands are unknown: "no file" in
   * the table ({@code CATEGORY_ROWS}) and no bar in the chart ({@code CATEGORY_POINTS}), never 0.
   */
  @SuppressWarnings("unchecked")
  static void categoriesWithoutFile(Map<String, Object> parameters, Wording wording) {
    String noFile = wording.label("value.no_file");
    parameters.put(
        "CATEGORY_ROWS",
        ((List<CategoryRow>) parameters.get("CATEGORY_ROWS"))
            .stream()
                .map(row -> new CategoryRow(row.category(), noFile, noFile, row.open()))
                .toList());
    List<String> flows = List.of(wording.label("series.new"), wording.label("series.resolved"));
    parameters.put(
        "CATEGORY_POINTS",
        ((List<ChartPoint>) parameters.get("CATEGORY_POINTS"))
            .stream()
                .map(
                    point ->
                        flows.contains(point.series())
                            ? new ChartPoint(point.series(), point.category(), null, "")
                            : point)
                .toList());
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
      // A month without its demands file has no value (a gap), never 0.
      points.add(new ChartPoint(fresh, month, chartValue(point.newDemands()), ""));
      points.add(new ChartPoint(resolved, month, chartValue(point.resolved()), ""));
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

  private static Double chartValue(Long count) {
    return count == null ? null : count.doubleValue();
  }

  static ChartPoint countPoint(String series, String category, long count, Wording wording) {
    return new ChartPoint(
        series, category, (double) count, count == 0 ? "" : wording.number(count));
  }
}
