package org.tashil.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.Deprivation;
import org.tashil.aggregate.marts.AgencyMonth;
import org.tashil.aggregate.marts.CategoryMonth;
import org.tashil.aggregate.marts.FileArrivals;
import org.tashil.aggregate.marts.IndicatorColumns;
import org.tashil.aggregate.marts.Mart;
import org.tashil.aggregate.marts.MartColumn;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.aggregate.marts.OpenDemands;
import org.tashil.aggregate.marts.ProvinceMonth;
import org.tashil.aggregate.marts.SettlementMonth;
import org.tashil.aggregate.marts.Trend;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.reports.model.AgencyDemand;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.AgencyTrendPoint;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.CountyFigures;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.DemandStatus;
import org.tashil.reports.model.DeprivationComparison;
import org.tashil.reports.model.DeprivationShare;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.OpenDemand;
import org.tashil.reports.model.ProvinceHeadline;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.Rank;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.SettlementHeader;
import org.tashil.reports.model.SettlementRanking;
import org.tashil.reports.model.SettlementRelocation;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.model.TrendPoint;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Warehouse;

/**
 * The reports' inputs for one period, read from the marts only (and the period's submissions, for
 * the personal columns dropped): each mart row mapped to the reports' records through its mart's
 * declared columns, with no figure computed here and no Spark behind them: the province's, each
 * settlement's and each active office's ({@link OfficeFeedback}).
 */
public final class ReportInputs {

  private final Registry registry;
  private final List<MartRow> settlements;
  private final MartRow province;
  private final List<MartRow> counties;
  private final List<MartRow> categories;
  private final List<MartRow> provinceCategories;
  private final List<MartRow> agencies;
  private final Map<String, List<MartRow>> openDemandsBySettlement;
  private final Map<String, List<MartRow>> openDemandsByAgency;
  private final List<MartRow> trend;
  private final List<MartRow> agencyTrend;
  private final DataQualityNotes notes;
  private final LocalDate filesDue;
  private final OfficeFeedback feedback;
  private final Period period;

  /** The tables the reports read: every mart, then the submissions. */
  public static final List<String> TABLES = tables();

  /**
   * The period's rows of each of {@link #TABLES}, by table name: as read from the warehouse, or as
   * aggregate has just written them.
   */
  public ReportInputs(Map<String, List<Row>> tables, Registry registry, Period period) {
    this.registry = registry;
    this.period = period;
    for (String table : TABLES) {
      if (!tables.containsKey(table)) {
        throw new IllegalArgumentException("no rows of " + table + " for " + period);
      }
    }
    settlements = martRows(tables, Mart.SETTLEMENT_MONTH);
    List<MartRow> provinceRows = martRows(tables, Mart.PROVINCE_MONTH);
    if (provinceRows.size() != 1 || settlements.isEmpty()) {
      throw new IllegalStateException(
          "the warehouse has no marts for " + period + ": run tashil aggregate --period " + period);
    }
    province = provinceRows.get(0);
    requireWrittenByThisVersion(tables, period);
    counties = martRows(tables, Mart.COUNTY_MONTH);
    categories = martRows(tables, Mart.CATEGORY_MONTH);
    provinceCategories = martRows(tables, Mart.PROVINCE_CATEGORY_MONTH);
    agencies = martRows(tables, Mart.AGENCY_MONTH);
    List<MartRow> openDemands = martRows(tables, Mart.OPEN_DEMANDS);
    openDemandsBySettlement = byKey(openDemands, SettlementMonth.SETTLEMENT_ID);
    openDemandsByAgency = byKey(openDemands, AgencyMonth.AGENCY_ID);
    trend = martRows(tables, Mart.TREND);
    List<MartRow> offices = martRows(tables, Mart.OFFICE_MONTH);
    filesDue = filesDue(offices, period);
    agencyTrend = martRows(tables, Mart.AGENCY_TREND);
    notes =
        new DataQualityNotes(
            offices, martRows(tables, Mart.QUARANTINE_REASONS), tables.get(SUBMISSIONS));
    feedback =
        new OfficeFeedback(
            martRows(tables, Mart.OFFICE_MONTH),
            martRows(tables, Mart.OFFICE_REASONS),
            martRows(tables, Mart.QUALITY_FLAGS),
            martRows(tables, Mart.OFFICE_AGENCY_MONTH),
            martRows(tables, Mart.QUARANTINED_ROWS));
  }

  private static final String SUBMISSIONS = "submissions";

  /**
   * The M0 rank, the province's category rows and the office feedback's marts are computed by
   * aggregate; marts an earlier Tashil wrote lack them, and the reports would print no rank (or no
   * rejected row) rather than say so.
   */
  private void requireWrittenByThisVersion(Map<String, List<Row>> tables, Period period) {
    boolean unranked =
        settlements.stream()
            .anyMatch(
                row ->
                    row.number(IndicatorColumns.M0) != null
                        && row.whole(SettlementMonth.M0_RANK) == null);
    boolean noProvinceCategories =
        tables.get(Mart.PROVINCE_CATEGORY_MONTH.table()).isEmpty()
            && !tables.get(Mart.CATEGORY_MONTH.table()).isEmpty();
    // The agencies' trend, and every open demand with its SLA, came with the agency reports.
    boolean noAgencyTrend =
        tables.get(Mart.AGENCY_TREND.table()).isEmpty()
            && !tables.get(Mart.AGENCY_MONTH.table()).isEmpty();
    // The files behind each settlement's figures and the month's balance (docs/indicators.md §3.1,
    // §5.1): a settlement row without them was written before they were computed.
    boolean noFiles =
        settlements.stream()
            .anyMatch(
                row ->
                    !row.has(FileArrivals.DEMANDS_FILE)
                        || row.text(FileArrivals.DEMANDS_FILE) == null
                        || row.whole(IndicatorColumns.DEMANDS_OPEN_START) == null);
    // Every office and settlement has its quality flags, and every quarantined row its printable
    // row: an office's report would otherwise say that nothing was rejected.
    boolean noFeedback =
        tables.get(Mart.QUALITY_FLAGS.table()).isEmpty()
            || (tables.get(Mart.QUARANTINED_ROWS.table()).isEmpty()
                && !tables.get(Mart.QUARANTINE_REASONS.table()).isEmpty());
    if (unranked || noProvinceCategories || noAgencyTrend || noFiles || noFeedback) {
      throw new IllegalStateException(
          "the marts of "
              + period
              + " were written by an earlier version of Tashil: run tashil aggregate --period "
              + period
              + " again");
    }
  }

  /** The period's rows of each of {@link #TABLES}, read from the warehouse. */
  public static ReportInputs read(Warehouse warehouse, Registry registry, Period period) {
    // Small tables: read side by side, since each read pays mostly for loading its Delta log.
    // A mart an earlier Tashil did not write reads as no rows (the constructor then says so).
    Map<String, List<Row>> tables =
        Parallel.each(
            TABLES,
            table ->
                warehouse.exists(table)
                    ? warehouse.readPeriod(table, period).collectAsList()
                    : List.<Row>of());
    return new ReportInputs(tables, registry, period);
  }

  private static List<String> tables() {
    List<String> tables = new ArrayList<>();
    for (Mart mart : Mart.values()) {
      tables.add(mart.table());
    }
    tables.add(SUBMISSIONS);
    return List.copyOf(tables);
  }

  private static List<MartRow> martRows(Map<String, List<Row>> tables, Mart mart) {
    return tables.get(mart.table()).stream().map(MartRow::new).toList();
  }

  private static Map<String, List<MartRow>> byKey(List<MartRow> rows, MartColumn key) {
    return rows.stream().collect(java.util.stream.Collectors.groupingBy(row -> row.text(key)));
  }

  /** The period whose rows these are. */
  public Period period() {
    return period;
  }

  /**
   * The last day the period's files counted as on time, as aggregate judged them ({@code
   * office_month.due_on}); for marts written before it was recorded, the default on-time days after
   * the period's last day.
   */
  public LocalDate filesDue() {
    return filesDue;
  }

  private static LocalDate filesDue(List<MartRow> offices, Period period) {
    for (MartRow office : offices) {
      if (office.row().schema() != null
          && office.has(OfficeMonth.DUE_ON)
          && office.date(OfficeMonth.DUE_ON) != null) {
        return office.date(OfficeMonth.DUE_ON);
      }
    }
    return period.lastDay().plusDays(RenderContext.DEFAULT_ON_TIME_DAYS);
  }

  public static ReportPeriod reportPeriod(Period period) {
    return new ReportPeriod(period.year(), period.month());
  }

  /** Every settlement of the registry's report, in settlement order. */
  public List<SettlementReport> settlementReports() {
    List<SettlementReport> reports = new ArrayList<>();
    for (MartRow row : MartRecords.sorted(settlements, SettlementMonth.SETTLEMENT_ID)) {
      String id = row.text(SettlementMonth.SETTLEMENT_ID);
      Integer rank = row.whole(SettlementMonth.M0_RANK);
      reports.add(
          new SettlementReport(
              header(row),
              MartRecords.keyFigures(row),
              deprivationComparisons(row),
              MartRecords.poverty(row),
              rank == null ? null : new Rank(rank, row.whole(SettlementMonth.M0_RANKED)),
              MartRecords.demandFigures(
                  row, MartRecords.settlementFiles(row, FileArrivals.DEMANDS_FILE)),
              MartRecords.categoryFigures(
                  categories.stream()
                      .filter(category -> id.equals(category.text(SettlementMonth.SETTLEMENT_ID)))
                      .toList()),
              trend(point -> id.equals(point.text(Trend.SETTLEMENT_ID))),
              oldestOpen(id),
              MartRecords.relocation(row),
              MartRecords.activities(
                  row, MartRecords.settlementFiles(row, FileArrivals.ACTIVITIES_FILE)),
              notes.settlement(row, row.text(SettlementMonth.OFFICE_ID))));
    }
    return reports;
  }

  public ProvinceReport provinceReport() {
    List<SettlementRanking> ranking = new ArrayList<>();
    List<SettlementRelocation> relocations = new ArrayList<>();
    for (MartRow row : settlements) {
      long households = row.count(IndicatorColumns.HOUSEHOLDS);
      ranking.add(
          new SettlementRanking(
              row.whole(SettlementMonth.M0_RANK),
              row.text(SettlementMonth.SETTLEMENT_ID),
              row.name(SettlementMonth.NAME_FA, SettlementMonth.NAME_EN),
              row.name(SettlementMonth.COUNTY_FA, SettlementMonth.COUNTY_EN),
              households,
              row.share(IndicatorColumns.COVERAGE, row.count(SettlementMonth.EST_HOUSEHOLDS)),
              row.share(IndicatorColumns.SLUM_HOUSEHOLDS_SHARE, households),
              row.share(IndicatorColumns.M0, households)));
      if (row.count(IndicatorColumns.HAZARD_HOUSEHOLDS) > 0) {
        relocations.add(
            new SettlementRelocation(
                row.text(SettlementMonth.SETTLEMENT_ID),
                row.name(SettlementMonth.NAME_FA, SettlementMonth.NAME_EN),
                MartRecords.relocation(row)));
      }
    }
    List<CountyFigures> countyFigures =
        MartRecords.sorted(counties, SettlementMonth.COUNTY_EN).stream()
            .map(MartRecords::countyFigures)
            .toList();
    List<AgencyPerformance> agencyFigures =
        MartRecords.sorted(agencies, AgencyMonth.AGENCY_ID).stream()
            .map(MartRecords::agencyPerformance)
            .toList();
    ProvinceHeadline headline =
        new ProvinceHeadline(
            settlements.size(),
            MartRecords.keyFigures(province),
            MartRecords.poverty(province),
            MartRecords.demandFigures(
                province,
                MartRecords.provinceFiles(province, FileArrivals.OFFICES_MISSING_DEMANDS)),
            MartRecords.activities(
                province,
                MartRecords.provinceFiles(province, FileArrivals.OFFICES_MISSING_ACTIVITIES)),
            MartRecords.relocation(province),
            (int) province.count(ProvinceMonth.ACTIVE_OFFICES),
            (int) province.count(ProvinceMonth.OFFICES_SENT_DEMANDS),
            (int) province.count(ProvinceMonth.OFFICES_ON_TIME));
    List<DeprivationShare> deprivations = new ArrayList<>();
    for (Deprivation deprivation : Deprivation.values()) {
      deprivations.add(
          new DeprivationShare(
              MartRecords.reportDeprivation(deprivation),
              province.share(
                  IndicatorColumns.deprivedShare(deprivation),
                  province.count(IndicatorColumns.HOUSEHOLDS))));
    }
    return new ProvinceReport(
        headline,
        deprivations,
        notes.completeness(),
        ranking,
        countyFigures,
        agencyFigures,
        MartRecords.categoryFigures(provinceCategories),
        trend(row -> Trend.PROVINCE_SCOPE.equals(row.text(Trend.SCOPE))),
        relocations,
        notes.offices(),
        feedback.flags(row -> true));
  }

  /** Every office active in the period's feedback report, in office order. */
  public List<OfficeReport> officeReports() {
    return feedback.reports();
  }

  private SettlementHeader header(MartRow row) {
    Office office = registry.office(row.text(SettlementMonth.OFFICE_ID)).orElseThrow();
    Settlement settlement =
        registry.settlement(row.text(SettlementMonth.SETTLEMENT_ID)).orElseThrow();
    return new SettlementHeader(
        settlement.id(),
        new BilingualName(settlement.nameFa(), settlement.nameEn()),
        // The registry names cities in Persian only; in English the county names the place.
        new BilingualName(settlement.cityFa(), settlement.countyEn()),
        new BilingualName(settlement.countyFa(), settlement.countyEn()),
        new BilingualName(office.nameFa(), office.nameEn()));
  }

  private List<DeprivationComparison> deprivationComparisons(MartRow row) {
    List<DeprivationComparison> comparisons = new ArrayList<>();
    for (Deprivation deprivation : Deprivation.values()) {
      MartColumn share = IndicatorColumns.deprivedShare(deprivation);
      comparisons.add(
          new DeprivationComparison(
              MartRecords.reportDeprivation(deprivation),
              row.share(share, row.count(IndicatorColumns.HOUSEHOLDS)),
              province.share(share, province.count(IndicatorColumns.HOUSEHOLDS))));
    }
    return comparisons;
  }

  /** The trend rows that {@code mine} picks, in the mart's order. */
  private List<TrendPoint> trend(java.util.function.Predicate<MartRow> mine) {
    List<TrendPoint> points = new ArrayList<>();
    for (MartRow row : trend) {
      if (mine.test(row)) {
        points.add(trendPoint(row));
      }
    }
    return points;
  }

  /**
   * A trend row as a point: a settlement's month without its office's demands file has no new or
   * resolved figures; the province's months say how many offices sent none (none is known of a
   * month aggregated before the files were recorded).
   */
  private static TrendPoint trendPoint(MartRow row) {
    ReportPeriod period = ReportPeriod.parse(row.text(Trend.TREND_PERIOD));
    long open = row.count(IndicatorColumns.DEMANDS_OPEN);
    if (Trend.SETTLEMENT_SCOPE.equals(row.text(Trend.SCOPE))
        && row.flag(Trend.DEMANDS_FILE_MISSING)) {
      return TrendPoint.withoutFile(period, open);
    }
    return new TrendPoint(
        period,
        row.count(IndicatorColumns.DEMANDS_NEW),
        row.count(IndicatorColumns.DEMANDS_RESOLVED),
        open,
        false,
        (int) row.count(Trend.OFFICES_MISSING_DEMANDS));
  }

  /** The settlement's oldest open demands, as many as its report prints (by the mart's rank). */
  private List<OpenDemand> oldestOpen(String settlementId) {
    List<OpenDemand> demands = new ArrayList<>();
    for (MartRow row : openDemandsBySettlement.getOrDefault(settlementId, List.of())) {
      if (row.count(OpenDemands.RANK) <= SettlementReport.OLDEST_OPEN_PRINTED) {
        demands.add(
            new OpenDemand(
                row.text(OpenDemands.DEMAND_ID),
                DemandCategory.fromCode(row.text(CategoryMonth.CATEGORY)),
                row.name(OpenDemands.AGENCY_NAME_FA, OpenDemands.AGENCY_NAME_EN),
                row.count(OpenDemands.DAYS_OPEN)));
      }
    }
    return demands;
  }

  /** Every agency of the registry's report, in agency order. */
  public List<AgencyReport> agencyReports() {
    List<AgencyReport> reports = new ArrayList<>();
    for (MartRow row : MartRecords.sorted(agencies, AgencyMonth.AGENCY_ID)) {
      String id = row.text(AgencyMonth.AGENCY_ID);
      List<AgencyTrendPoint> points = new ArrayList<>();
      for (MartRow point : agencyTrend) {
        if (id.equals(point.text(AgencyMonth.AGENCY_ID))) {
          points.add(
              new AgencyTrendPoint(
                  ReportPeriod.parse(point.text(Trend.TREND_PERIOD)),
                  point.count(IndicatorColumns.DEMANDS_OPEN),
                  point.count(IndicatorColumns.OPEN_OVERDUE)));
        }
      }
      reports.add(
          new AgencyReport(
              MartRecords.agencyPerformance(row),
              row.number(IndicatorColumns.DAYS_TO_RESOLVE_P90),
              period.lastDay(),
              points,
              openDemandsByAgency.getOrDefault(id, List.of()).stream()
                  .map(this::agencyDemand)
                  .toList()));
    }
    return reports;
  }

  /** An open demand of the agency's report, placed in its settlement and county by the registry. */
  private AgencyDemand agencyDemand(MartRow row) {
    Settlement settlement =
        registry.settlement(row.text(SettlementMonth.SETTLEMENT_ID)).orElseThrow();
    return new AgencyDemand(
        row.text(OpenDemands.OFFICE_ID),
        row.text(OpenDemands.DEMAND_ID),
        new BilingualName(settlement.countyFa(), settlement.countyEn()),
        settlement.id(),
        new BilingualName(settlement.nameFa(), settlement.nameEn()),
        DemandCategory.fromCode(row.text(CategoryMonth.CATEGORY)),
        URGENT.equals(row.text(OpenDemands.PRIORITY)),
        DemandStatus.fromCode(row.text(OpenDemands.STATUS)),
        row.date(OpenDemands.REGISTERED_ON),
        row.count(OpenDemands.DAYS_OPEN),
        row.flag(OpenDemands.OVERDUE),
        row.count(OpenDemands.HOUSEHOLDS_AFFECTED));
  }

  private static final String URGENT = "urgent";
}
