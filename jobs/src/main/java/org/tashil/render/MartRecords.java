package org.tashil.render;

import java.util.Comparator;
import java.util.List;
import org.tashil.aggregate.Deprivation;
import org.tashil.aggregate.marts.AgencyMonth;
import org.tashil.aggregate.marts.CategoryMonth;
import org.tashil.aggregate.marts.CountyMonth;
import org.tashil.aggregate.marts.IndicatorColumns;
import org.tashil.aggregate.marts.MartColumn;
import org.tashil.aggregate.marts.SettlementMonth;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.CountyFigures;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.KeyFigures;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.Relocation;

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

  static DemandFigures demandFigures(MartRow row) {
    return new DemandFigures(
        row.count(IndicatorColumns.DEMANDS_NEW),
        row.count(IndicatorColumns.DEMANDS_RESOLVED),
        row.count(IndicatorColumns.DEMANDS_REJECTED),
        row.count(IndicatorColumns.DEMANDS_WITHDRAWN),
        row.count(IndicatorColumns.DEMANDS_OPEN),
        row.count(IndicatorColumns.OPEN_OVERDUE),
        row.number(IndicatorColumns.DAYS_TO_RESOLVE_MEDIAN),
        row.count(IndicatorColumns.HOUSEHOLDS_AFFECTED_OPEN));
  }

  static Relocation relocation(MartRow row) {
    return new Relocation(
        row.count(IndicatorColumns.HAZARD_HOUSEHOLDS),
        row.count(IndicatorColumns.CONSENT_YES),
        row.count(IndicatorColumns.CONSENT_NO),
        row.count(IndicatorColumns.CONSENT_UNDECIDED));
  }

  static Activities activities(MartRow row) {
    return new Activities(
        row.count(IndicatorColumns.ACTIVITIES),
        row.count(IndicatorColumns.PARTICIPANTS),
        row.count(IndicatorColumns.WOMEN_PARTICIPANTS));
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
