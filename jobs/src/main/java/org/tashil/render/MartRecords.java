package org.tashil.render;

import java.util.Comparator;
import java.util.List;
import org.tashil.aggregate.Deprivation;
import org.tashil.aggregate.marts.AgencyMonth;
import org.tashil.aggregate.marts.CategoryMonth;
import org.tashil.aggregate.marts.CountyMonth;
import org.tashil.aggregate.marts.FileArrivals;
import org.tashil.aggregate.marts.IndicatorColumns;
import org.tashil.aggregate.marts.MartColumn;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.aggregate.marts.ProvinceMonth;
import org.tashil.aggregate.marts.SettlementMonth;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.Arrival;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.CountyFigures;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.FileCoverage;
import org.tashil.reports.model.KeyFigures;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.ReportPeriod;

/**
 * The reports' records made from one mart row, alike for a settlement, a county and the province:
 * each record's fields read through the marts' declared columns.
 */
final class MartRecords {

  private MartRecords() {}

  static List<MartRow> sorted(List<MartRow> rows, MartColumn key) {
    return rows.stream().sorted(Comparator.comparing(row -> row.text(key))).toList();
  }

  static KeyFigures keyFigures(MartRow row) {
    return new KeyFigures(
        row.count(SettlementMonth.EST_POPULATION),
        row.count(SettlementMonth.EST_HOUSEHOLDS),
        row.count(IndicatorColumns.HOUSEHOLDS),
        row.count(IndicatorColumns.PERSONS),
        row.share(IndicatorColumns.COVERAGE, row.count(SettlementMonth.EST_HOUSEHOLDS)));
  }

  static Poverty poverty(MartRow row) {
    long households = row.count(IndicatorColumns.HOUSEHOLDS);
    return new Poverty(
        row.share(IndicatorColumns.SLUM_HOUSEHOLDS_SHARE, households),
        row.share(IndicatorColumns.SLUM_PERSONS_SHARE, households),
        row.share(IndicatorColumns.H, households),
        row.share(IndicatorColumns.A, row.count(IndicatorColumns.POOR_HOUSEHOLDS)),
        row.share(IndicatorColumns.M0, households));
  }

  /** A level's demands, whose files arrived as {@code files} says. */
  static DemandFigures demandFigures(MartRow row, FileCoverage files) {
    return new DemandFigures(
        row.count(IndicatorColumns.DEMANDS_NEW),
        row.count(IndicatorColumns.DEMANDS_RESOLVED),
        row.count(IndicatorColumns.DEMANDS_REJECTED),
        row.count(IndicatorColumns.DEMANDS_WITHDRAWN),
        row.count(IndicatorColumns.DEMANDS_OPEN),
        row.count(IndicatorColumns.OPEN_OVERDUE),
        row.number(IndicatorColumns.DAYS_TO_RESOLVE_MEDIAN),
        row.count(IndicatorColumns.HOUSEHOLDS_AFFECTED_OPEN),
        row.count(IndicatorColumns.DEMANDS_OPEN_START),
        row.count(IndicatorColumns.DEMANDS_LATE_ADDED),
        row.count(IndicatorColumns.DEMANDS_LATE_REMOVED),
        files);
  }

  /**
   * A {@code settlement_month} row's office file of the dataset ({@link FileArrivals#DEMANDS_FILE}
   * or {@link FileArrivals#ACTIVITIES_FILE}), with the last demands file for the demands.
   */
  static FileCoverage settlementFiles(MartRow row, MartColumn arrivalColumn) {
    Arrival arrival = OfficeMonth.arrivalOf(row.text(arrivalColumn));
    boolean missing =
        switch (arrival) {
          case MISSING, REJECTED -> true;
          case ON_TIME, LATE, NOT_DUE -> false;
        };
    String last =
        arrivalColumn.equals(FileArrivals.DEMANDS_FILE)
            ? row.text(FileArrivals.DEMANDS_LAST_FILE_PERIOD)
            : null;
    return FileCoverage.ofSettlement(
        arrival != Arrival.NOT_DUE, missing, last == null ? null : ReportPeriod.parse(last));
  }

  /** A {@code province_month} row's active offices, and those without a file of the dataset. */
  static FileCoverage provinceFiles(MartRow row, MartColumn missingColumn) {
    return new FileCoverage(
        (int) row.count(ProvinceMonth.ACTIVE_OFFICES), (int) row.count(missingColumn), null);
  }

  static Relocation relocation(MartRow row) {
    return new Relocation(
        row.count(IndicatorColumns.HAZARD_HOUSEHOLDS),
        row.count(IndicatorColumns.CONSENT_YES),
        row.count(IndicatorColumns.CONSENT_NO),
        row.count(IndicatorColumns.CONSENT_UNDECIDED));
  }

  /** A level's activities, whose files arrived as {@code files} says. */
  static Activities activities(MartRow row, FileCoverage files) {
    return new Activities(
        row.count(IndicatorColumns.ACTIVITIES),
        row.count(IndicatorColumns.PARTICIPANTS),
        row.count(IndicatorColumns.WOMEN_PARTICIPANTS),
        files);
  }

  /** The categories' figures of the rows given, in the categories' order. */
  static List<CategoryFigures> categoryFigures(List<MartRow> rows) {
    return rows.stream()
        .map(
            row ->
                new CategoryFigures(
                    DemandCategory.fromCode(row.text(CategoryMonth.CATEGORY)),
                    row.count(IndicatorColumns.DEMANDS_NEW),
                    row.count(IndicatorColumns.DEMANDS_RESOLVED),
                    row.count(IndicatorColumns.DEMANDS_OPEN)))
        .sorted(Comparator.comparing(CategoryFigures::category))
        .toList();
  }

  static org.tashil.reports.model.Deprivation reportDeprivation(Deprivation deprivation) {
    return switch (deprivation) {
      case WATER -> org.tashil.reports.model.Deprivation.WATER;
      case SANITATION -> org.tashil.reports.model.Deprivation.SANITATION;
      case CROWDING -> org.tashil.reports.model.Deprivation.CROWDING;
      case DURABLE -> org.tashil.reports.model.Deprivation.DURABLE_HOUSING;
      case TENURE -> org.tashil.reports.model.Deprivation.TENURE;
      case ELECTRICITY -> org.tashil.reports.model.Deprivation.ELECTRICITY;
      case GAS -> org.tashil.reports.model.Deprivation.GAS;
      case SCHOOLING -> org.tashil.reports.model.Deprivation.SCHOOLING;
      case INSURANCE -> org.tashil.reports.model.Deprivation.INSURANCE;
      case EMPLOYMENT -> org.tashil.reports.model.Deprivation.EMPLOYMENT;
    };
  }

  static CountyFigures countyFigures(MartRow row) {
    long households = row.count(IndicatorColumns.HOUSEHOLDS);
    return new CountyFigures(
        row.name(SettlementMonth.COUNTY_FA, SettlementMonth.COUNTY_EN),
        (int) row.count(CountyMonth.SETTLEMENTS),
        households,
        row.share(IndicatorColumns.COVERAGE, row.count(CountyMonth.EST_HOUSEHOLDS)),
        row.share(IndicatorColumns.SLUM_HOUSEHOLDS_SHARE, households),
        row.share(IndicatorColumns.M0, households),
        row.count(IndicatorColumns.DEMANDS_NEW),
        row.count(IndicatorColumns.DEMANDS_OPEN));
  }

  static AgencyPerformance agencyPerformance(MartRow row) {
    Integer oldest = row.whole(IndicatorColumns.OLDEST_OPEN_DAYS);
    return new AgencyPerformance(
        row.text(AgencyMonth.AGENCY_ID),
        row.name(AgencyMonth.NAME_FA, AgencyMonth.NAME_EN),
        (int) row.count(AgencyMonth.SLA_DAYS),
        row.count(IndicatorColumns.DEMANDS_NEW),
        row.count(IndicatorColumns.DEMANDS_RESOLVED),
        row.count(IndicatorColumns.DEMANDS_OPEN),
        row.count(IndicatorColumns.OPEN_OVERDUE),
        row.number(IndicatorColumns.DAYS_TO_RESOLVE_MEDIAN),
        row.number(IndicatorColumns.SLA_MET_SHARE),
        oldest == null ? null : oldest.longValue());
  }
}
