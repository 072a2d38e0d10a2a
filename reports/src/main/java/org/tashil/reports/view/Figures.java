package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.FileCoverage;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.ReportPeriod;
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

  /** The categories' table and chart, and the trend chart with its title. */
  static void categoriesAndTrend(
      Map<String, Object> parameters,
      List<CategoryFigures> all,
      List<TrendPoint> trend,
      Wording wording) {
    List<CategoryFigures> categories = activeCategories(all);
    parameters.put("CATEGORY_ROWS", categoryRows(categories, wording));
    parameters.put("CATEGORY_POINTS", categoryPoints(categories, wording));
    parameters.put("TREND_POINTS", trendPoints(trend, wording));
    parameters.put("TREND_TITLE", trendTitle(trend, wording));
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

  /**
   * The most categories the bar chart shows by name; more are one bar group "other", so that the
   * chart's labels never crowd one another, whatever the number of categories.
   */
  static final int CHARTED_CATEGORIES = 8;

  /** One group of bars of the category chart: a category, or several summed as "other". */
  record CategoryBars(String label, long newDemands, long resolved, long open) {
    long volume() {
      return newDemands + resolved + open;
    }
  }

  /**
   * The category chart's groups, largest volume (new + resolved + open) first: every category when
   * there are at most {@link #CHARTED_CATEGORIES} + 1, otherwise the {@link #CHARTED_CATEGORIES}
   * largest and the rest (with the category "other", which always comes last) summed as "other (n
   * categories)".
   */
  static List<CategoryBars> chartedCategories(List<CategoryFigures> categories, Wording wording) {
    List<CategoryFigures> named =
        categories.stream()
            .filter(row -> row.category() != DemandCategory.OTHER)
            .sorted(
                Comparator.comparingLong((CategoryFigures row) -> volume(row))
                    .reversed()
                    .thenComparing(CategoryFigures::category))
            .toList();
    List<CategoryFigures> other =
        categories.stream().filter(row -> row.category() == DemandCategory.OTHER).toList();
    List<CategoryBars> bars = new ArrayList<>();
    if (categories.size() <= CHARTED_CATEGORIES + 1) {
      Stream.concat(named.stream(), other.stream()).forEach(row -> bars.add(bars(row, wording)));
      return bars;
    }
    named.stream().limit(CHARTED_CATEGORIES).forEach(row -> bars.add(bars(row, wording)));
    List<CategoryFigures> rest =
        Stream.concat(named.stream().skip(CHARTED_CATEGORIES), other.stream()).toList();
    bars.add(
        new CategoryBars(
            wording.format("chart.other_categories", rest.size()),
            rest.stream().mapToLong(CategoryFigures::newDemands).sum(),
            rest.stream().mapToLong(CategoryFigures::resolved).sum(),
            rest.stream().mapToLong(CategoryFigures::open).sum()));
    return bars;
  }

  private static long volume(CategoryFigures row) {
    return row.newDemands() + row.resolved() + row.open();
  }

  private static CategoryBars bars(CategoryFigures row, Wording wording) {
    return new CategoryBars(
        wording.label(row.category().labelKey()), row.newDemands(), row.resolved(), row.open());
  }

  static List<ChartPoint> categoryPoints(List<CategoryFigures> categories, Wording wording) {
    String fresh = wording.label("series.new");
    String resolved = wording.label("series.resolved");
    String open = wording.label("series.open");
    List<ChartPoint> points = new ArrayList<>();
    for (CategoryBars row : chartedCategories(categories, wording)) {
      points.add(countPoint(fresh, row.label(), row.newDemands(), wording));
      points.add(countPoint(resolved, row.label(), row.resolved(), wording));
      points.add(countPoint(open, row.label(), row.open(), wording));
    }
    return points;
  }

  /**
   * One month of the trend chart; a null figure is a month whose file was missing: a gap in its
   * line, and the month marked on the axis.
   */
  record TrendMonth(ReportPeriod period, Long newDemands, Long resolved, Long open) {
    boolean missing() {
      return newDemands == null || resolved == null || open == null;
    }
  }

  static List<ChartPoint> trendPoints(List<TrendPoint> trend, Wording wording) {
    return monthPoints(
        trend.stream()
            .map(
                point ->
                    new TrendMonth(
                        point.period(), point.newDemands(), point.resolved(), point.open()))
            .toList(),
        wording);
  }

  /**
   * The trend chart's points. Time runs in the page's reading direction: in Persian the earliest
   * month stands at the right and the latest at the left (the points go in latest first, and the
   * chart places its categories in the order they come); in English left to right. The latest
   * month's values carry their labels.
   */
  static List<ChartPoint> monthPoints(List<TrendMonth> months, Wording wording) {
    List<TrendMonth> ordered = new ArrayList<>(months);
    ordered.sort(Comparator.comparing(TrendMonth::period));
    if (wording.language.rightToLeft()) {
      Collections.reverse(ordered);
    }
    ReportPeriod latest =
        months.stream().map(TrendMonth::period).max(Comparator.naturalOrder()).orElse(null);
    String fresh = wording.label("series.new");
    String resolved = wording.label("series.resolved");
    String open = wording.label("series.open");
    List<ChartPoint> points = new ArrayList<>();
    for (TrendMonth month : ordered) {
      String label = wording.calendar.shortMonth(month.period());
      if (month.missing()) {
        label = label + "\n" + wording.label("trend.no_file");
      }
      boolean labelled = month.period().equals(latest);
      points.add(trendPoint(fresh, label, month.newDemands(), labelled, wording));
      points.add(trendPoint(resolved, label, month.resolved(), labelled, wording));
      points.add(trendPoint(open, label, month.open(), labelled, wording));
    }
    return points;
  }

  private static ChartPoint trendPoint(
      String series, String month, Long value, boolean labelled, Wording wording) {
    return new ChartPoint(
        series,
        month,
        value == null ? null : value.doubleValue(),
        labelled && value != null ? wording.number(value) : "");
  }

  /** "New, resolved and open demands: Azar 1404 to Aban 1405", the months the chart shows. */
  static String trendTitle(List<TrendPoint> trend, Wording wording) {
    List<ReportPeriod> periods = trend.stream().map(TrendPoint::period).sorted().toList();
    if (periods.isEmpty()) {
      return wording.text(wording.label("section.trend"));
    }
    ReportPeriod first = periods.get(0);
    ReportPeriod last = periods.get(periods.size() - 1);
    return first.equals(last)
        ? wording.format("trend.title.month", wording.calendar.month(last))
        : wording.format(
            "trend.title.months", wording.calendar.month(first), wording.calendar.month(last));
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
