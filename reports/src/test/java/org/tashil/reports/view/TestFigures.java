package org.tashil.reports.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.view.Figures.TrendMonth;
import org.tashil.reports.view.Rows.ChartPoint;

/** The charts' points: the category chart's groups and the trend's months, in both languages. */
class TestFigures {

  private static Wording wording(Language language) {
    return new Wording(ReportFixtures.context(language));
  }

  /** Every category, the first with the most demands: water 14 × 10, …, other 1 × 10. */
  private static List<CategoryFigures> categories(int count) {
    List<CategoryFigures> rows = new ArrayList<>();
    DemandCategory[] all = DemandCategory.values();
    for (int i = 0; i < count; i++) {
      long volume = (all.length - i) * 10L;
      rows.add(
          new CategoryFigures(all[i], volume / 2, volume / 5, volume - volume / 2 - volume / 5));
    }
    return rows;
  }

  private static List<String> chartedCategories(List<ChartPoint> points) {
    return points.stream().map(ChartPoint::category).distinct().toList();
  }

  @Test
  void fourteenCategoriesChartAsTheEightLargestAndOther() {
    List<ChartPoint> points = Figures.categoryPoints(categories(14), wording(Language.ENGLISH));
    assertThat(chartedCategories(points))
        .containsExactly(
            "Water",
            "Electricity",
            "Sewage",
            "Roads",
            "Waste",
            "Education",
            "Health",
            "Security",
            "Other (6 categories)");
    // Documents (60), tenure (50), employment (40), welfare (30), relocation (20), other (10).
    double other =
        points.stream()
            .filter(point -> point.category().equals("Other (6 categories)"))
            .mapToDouble(ChartPoint::value)
            .sum();
    assertThat(other).isEqualTo(60 + 50 + 40 + 30 + 20 + 10);
    assertThat(points).hasSize(9 * 3);
  }

  @Test
  void nineCategoriesOrFewerAreChartedByNameLargestFirstAndOtherLast() {
    List<CategoryFigures> nine = new ArrayList<>(categories(8));
    nine.add(new CategoryFigures(DemandCategory.OTHER, 500, 0, 0));
    assertThat(chartedCategories(Figures.categoryPoints(nine, wording(Language.ENGLISH))))
        .hasSize(9)
        .startsWith("Water")
        .endsWith("Other");
    assertThat(
            chartedCategories(
                Figures.categoryPoints(
                    List.of(new CategoryFigures(DemandCategory.ROADS, 1, 0, 3)),
                    wording(Language.PERSIAN))))
        .containsExactly("معابر");
  }

  private static List<TrendMonth> months() {
    List<TrendMonth> months = new ArrayList<>();
    ReportPeriod period = ReportFixtures.ABAN_1405;
    for (int i = 0; i < 3; i++) {
      months.add(new TrendMonth(period, 10L + i, 5L, 100L - i));
      period = period.previous();
    }
    return months;
  }

  @Test
  void theTrendRunsRightToLeftInPersianAndLeftToRightInEnglish() {
    assertThat(chartedCategories(Figures.monthPoints(months(), wording(Language.PERSIAN))))
        .containsExactly("آبان ۰۵", "مهر ۰۵", "شهریور ۰۵");
    assertThat(chartedCategories(Figures.monthPoints(months(), wording(Language.ENGLISH))))
        .containsExactly("Shahrivar 05", "Mehr 05", "Aban 05");
  }

  @Test
  void onlyTheLatestMonthsValuesCarryLabels() {
    List<ChartPoint> points = Figures.monthPoints(months(), wording(Language.PERSIAN));
    assertThat(points)
        .filteredOn(point -> !point.label().isEmpty())
        .extracting(ChartPoint::category, ChartPoint::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("آبان ۰۵", "۱۰"),
            org.assertj.core.groups.Tuple.tuple("آبان ۰۵", "۵"),
            org.assertj.core.groups.Tuple.tuple("آبان ۰۵", "۱۰۰"));
  }

  @Test
  void aMonthWithoutAFileIsAGapAndIsMarkedOnTheAxis() {
    List<TrendMonth> months = new ArrayList<>(months());
    months.set(1, new TrendMonth(new ReportPeriod(1405, 7), null, null, 99L));
    List<ChartPoint> points = Figures.monthPoints(months, wording(Language.ENGLISH));
    assertThat(chartedCategories(points))
        .containsExactly("Shahrivar 05", "Mehr 05\nno file", "Aban 05");
    assertThat(points)
        .filteredOn(point -> point.category().startsWith("Mehr"))
        .extracting(ChartPoint::value)
        .containsExactly(null, null, 99.0);
  }

  @Test
  void theTrendTitleStatesTheMonthsShown() {
    Wording persian = wording(Language.PERSIAN);
    assertThat(Figures.trendTitle(ReportFixtures.hasirabad().trend(), persian))
        .isEqualTo("مطالبات جدید، حل‌شده و باز: آذر ۱۴۰۴ تا آبان ۱۴۰۵");
    assertThat(Figures.trendTitle(List.of(), persian))
        .isEqualTo("دوازده ماه اخیر: مطالبات جدید، حل‌شده و باز");
  }
}
