package org.tashil.reports.model;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Checks shared by the report records. */
final class ReportChecks {
  private ReportChecks() {}

  /** Exactly the ten deprivations, once each, returned in the reports' order. */
  static <T> List<T> allTenDeprivations(List<T> given, Function<T, Deprivation> deprivation) {
    Set<Deprivation> seen = EnumSet.noneOf(Deprivation.class);
    for (T row : given) {
      if (!seen.add(deprivation.apply(row))) {
        throw new IllegalArgumentException(
            "deprivation " + deprivation.apply(row) + " given twice");
      }
    }
    if (seen.size() != Deprivation.values().length) {
      Set<Deprivation> missing = EnumSet.allOf(Deprivation.class);
      missing.removeAll(seen);
      throw new IllegalArgumentException("all ten deprivations are needed, missing: " + missing);
    }
    return given.stream().sorted(Comparator.comparing(deprivation)).toList();
  }

  static List<CategoryFigures> distinctCategories(List<CategoryFigures> given) {
    Set<DemandCategory> seen = EnumSet.noneOf(DemandCategory.class);
    for (CategoryFigures row : given) {
      if (!seen.add(row.category())) {
        throw new IllegalArgumentException("category " + row.category() + " given twice");
      }
    }
    return given.stream().sorted(Comparator.comparing(CategoryFigures::category)).toList();
  }

  static List<TrendPoint> trend(List<TrendPoint> given) {
    return trend(given, TrendPoint::period);
  }

  /** A trend's points in time order: each period once, at most twelve. */
  static <T> List<T> trend(List<T> given, Function<T, ReportPeriod> period) {
    List<T> sorted = given.stream().sorted(Comparator.comparing(period)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (period.apply(sorted.get(i)).equals(period.apply(sorted.get(i - 1)))) {
        throw new IllegalArgumentException(
            "trend period " + period.apply(sorted.get(i)) + " given twice");
      }
    }
    if (sorted.size() > 12) {
      throw new IllegalArgumentException("a trend has at most 12 periods, not " + sorted.size());
    }
    return sorted;
  }
}
