package org.tashil.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.Deprivation;
import org.tashil.calendar.Period;
import org.tashil.ingest.Submission;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.Arrival;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.CountyFigures;
import org.tashil.reports.model.DataQualityNote;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.DeprivationComparison;
import org.tashil.reports.model.DeprivationShare;
import org.tashil.reports.model.KeyFigures;
import org.tashil.reports.model.OfficeCompleteness;
import org.tashil.reports.model.OfficeNote;
import org.tashil.reports.model.OpenDemand;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.ProvinceHeadline;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.Rank;
import org.tashil.reports.model.RejectReason;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.SettlementHeader;
import org.tashil.reports.model.SettlementRanking;
import org.tashil.reports.model.SettlementRelocation;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.model.TrendPoint;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Warehouse;

/**
 * The reports' inputs for one period, read from the marts only (and the period's submissions for
 * which files arrived): plain values the reports module renders, with no Spark behind them.
 */
public final class ReportInputs {

  private final Registry registry;
  private final Period period;
  private final List<MartRow> settlements;
  private final MartRow province;
  private final List<MartRow> counties;
  private final List<MartRow> categories;
  private final List<MartRow> agencies;
  private final List<MartRow> offices;
  private final List<MartRow> openDemands;
  private final List<MartRow> quarantine;
  private final List<MartRow> trend;
  private final List<MartRow> submissions;

  /** The tables the reports read: every mart, then the submissions (which files arrived). */
  public static final List<String> TABLES =
      List.of(
          "marts/settlement_month",
          "marts/province_month",
          "marts/county_month",
          "marts/category_month",
          "marts/agency_month",
          "marts/office_month",
          "marts/open_demands",
          "marts/quarantine_reasons",
          "marts/trend",
          "submissions");

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
    settlements = martRows(tables, "marts/settlement_month");
    List<MartRow> provinceRows = martRows(tables, "marts/province_month");
    if (provinceRows.size() != 1 || settlements.isEmpty()) {
      throw new IllegalStateException(
          "the warehouse has no marts for " + period + ": run tashil aggregate --period " + period);
    }
    province = provinceRows.get(0);
    counties = martRows(tables, "marts/county_month");
    categories = martRows(tables, "marts/category_month");
    agencies = martRows(tables, "marts/agency_month");
    offices = martRows(tables, "marts/office_month");
    openDemands = martRows(tables, "marts/open_demands");
    quarantine = martRows(tables, "marts/quarantine_reasons");
    trend = martRows(tables, "marts/trend");
    submissions = martRows(tables, "submissions");
  }

  /** The period's rows of each of {@link #TABLES}, read from the warehouse. */
  public static ReportInputs read(Warehouse warehouse, Registry registry, Period period) {
    // Ten small tables: read side by side, since each read pays mostly for loading its Delta log.
    Map<String, List<Row>> tables =
        Parallel.each(TABLES, table -> warehouse.readPeriod(table, period).collectAsList());
    return new ReportInputs(tables, registry, period);
  }

  private static List<MartRow> martRows(Map<String, List<Row>> tables, String table) {
    return tables.get(table).stream().map(MartRow::new).toList();
  }

  /** The period whose rows these are. */
  public Period period() {
    return period;
  }

  public static ReportPeriod reportPeriod(Period period) {
    return new ReportPeriod(period.year(), period.month());
  }

  /** Every settlement of the registry's report, in settlement order. */
  public List<SettlementReport> settlementReports() {
    Map<String, Integer> ranks = ranks();
    List<SettlementReport> reports = new ArrayList<>();
    for (MartRow row :
        settlements.stream().sorted(Comparator.comparing(r -> r.text("settlement_id"))).toList()) {
      String id = row.text("settlement_id");
      Integer rank = ranks.get(id);
      reports.add(
          new SettlementReport(
              header(row),
              keyFigures(row),
              deprivationComparisons(row),
              poverty(row),
              rank == null ? null : new Rank(rank, ranks.size()),
              demandFigures(row),
              categories(id),
              trend(id),
              oldestOpen(id),
              relocation(row),
              activities(row),
              settlementNotes(id, row.text("office_id"))));
    }
    return reports;
  }

  public ProvinceReport provinceReport() {
    Map<String, Integer> ranks = ranks();
    List<SettlementRanking> ranking = new ArrayList<>();
    List<SettlementRelocation> relocations = new ArrayList<>();
    for (MartRow row : settlements) {
      long households = row.count("households");
      ranking.add(
          new SettlementRanking(
              ranks.get(row.text("settlement_id")),
              row.text("settlement_id"),
              row.name("name_fa", "name_en"),
              row.name("county_fa", "county_en"),
              households,
              row.share("coverage", row.count("est_households")),
              row.share("slum_households_share", households),
              row.share("m0", households)));
      if (row.count("hazard_households") > 0) {
        relocations.add(
            new SettlementRelocation(
                row.text("settlement_id"), row.name("name_fa", "name_en"), relocation(row)));
      }
    }
    List<CountyFigures> countyFigures = new ArrayList<>();
    for (MartRow row :
        counties.stream().sorted(Comparator.comparing(r -> r.text("county_en"))).toList()) {
      long households = row.count("households");
      countyFigures.add(
          new CountyFigures(
              row.name("county_fa", "county_en"),
              (int) row.count("settlements"),
              households,
              row.share("coverage", row.count("est_households")),
              row.share("slum_households_share", households),
              row.share("m0", households),
              row.count("demands_new"),
              row.count("demands_open")));
    }
    List<AgencyPerformance> agencyFigures = new ArrayList<>();
    for (MartRow row :
        agencies.stream().sorted(Comparator.comparing(r -> r.text("agency_id"))).toList()) {
      Double oldest = row.number("oldest_open_days");
      agencyFigures.add(
          new AgencyPerformance(
              row.text("agency_id"),
              row.name("name_fa", "name_en"),
              (int) row.count("sla_days"),
              row.count("demands_new"),
              row.count("demands_resolved"),
              row.count("demands_open"),
              row.count("open_overdue"),
              row.number("days_to_resolve_median"),
              row.number("sla_met_share"),
              oldest == null ? null : oldest.longValue()));
    }
    ProvinceHeadline headline =
        new ProvinceHeadline(
            settlements.size(),
            keyFigures(province),
            poverty(province),
            demandFigures(province),
            activities(province),
            relocation(province),
            (int) province.count("active_offices"),
            (int) province.count("offices_sent_demands"),
            (int) province.count("offices_on_time"));
    List<DeprivationShare> deprivations = new ArrayList<>();
    for (Deprivation deprivation : Deprivation.values()) {
      deprivations.add(
          new DeprivationShare(
              reportDeprivation(deprivation),
              province.share("dep_" + deprivation.key() + "_share", province.count("households"))));
    }
    return new ProvinceReport(
        headline,
        deprivations,
        completeness(),
        ranking,
        countyFigures,
        agencyFigures,
        categories(null),
        trend(null),
        relocations,
        officeNotes());
  }

  /** Settlements with households, ranked by M0, most deprived first (ties by id). */
  private Map<String, Integer> ranks() {
    List<MartRow> ranked =
        settlements.stream()
            .filter(row -> row.number("m0") != null)
            .sorted(
                Comparator.comparing((MartRow row) -> -row.number("m0"))
                    .thenComparing(row -> row.text("settlement_id")))
            .toList();
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      ranks.put(ranked.get(i).text("settlement_id"), i + 1);
    }
    return ranks;
  }

  private SettlementHeader header(MartRow row) {
    Office office = registry.office(row.text("office_id")).orElseThrow();
    Settlement settlement = registry.settlement(row.text("settlement_id")).orElseThrow();
    return new SettlementHeader(
        settlement.id(),
        new BilingualName(settlement.nameFa(), settlement.nameEn()),
        // The registry names cities in Persian only; in English the county names the place.
        new BilingualName(settlement.cityFa(), settlement.countyEn()),
        new BilingualName(settlement.countyFa(), settlement.countyEn()),
        new BilingualName(office.nameFa(), office.nameEn()));
  }

  private static KeyFigures keyFigures(MartRow row) {
    return new KeyFigures(
        row.count("est_population"),
        row.count("est_households"),
        row.count("households"),
        row.count("persons"),
        row.share("coverage", row.count("est_households")));
  }

  private List<DeprivationComparison> deprivationComparisons(MartRow row) {
    List<DeprivationComparison> comparisons = new ArrayList<>();
    for (Deprivation deprivation : Deprivation.values()) {
      String share = "dep_" + deprivation.key() + "_share";
      comparisons.add(
          new DeprivationComparison(
              reportDeprivation(deprivation),
              row.share(share, row.count("households")),
              province.share(share, province.count("households"))));
    }
    return comparisons;
  }

  private static Poverty poverty(MartRow row) {
    long households = row.count("households");
    return new Poverty(
        row.share("slum_households_share", households),
        row.share("slum_persons_share", households),
        row.share("h", households),
        row.share("a", row.count("poor_households")),
        row.share("m0", households));
  }

  private static DemandFigures demandFigures(MartRow row) {
    return new DemandFigures(
        row.count("demands_new"),
        row.count("demands_resolved"),
        row.count("demands_rejected"),
        row.count("demands_withdrawn"),
        row.count("demands_open"),
        row.count("open_overdue"),
        row.number("days_to_resolve_median"),
        row.count("households_affected_open"));
  }

  private static Relocation relocation(MartRow row) {
    return new Relocation(
        row.count("hazard_households"),
        row.count("consent_yes"),
        row.count("consent_no"),
        row.count("consent_undecided"));
  }

  private static Activities activities(MartRow row) {
    return new Activities(
        row.count("activities"), row.count("participants"), row.count("women_participants"));
  }

  /**
   * A settlement's categories, or the province's (sums over settlements) when {@code id} is null.
   */
  private List<CategoryFigures> categories(String settlementId) {
    Map<DemandCategory, long[]> sums = new EnumMap<>(DemandCategory.class);
    for (MartRow row : categories) {
      if (settlementId == null || settlementId.equals(row.text("settlement_id"))) {
        long[] sum =
            sums.computeIfAbsent(
                DemandCategory.valueOf(row.text("category").toUpperCase(Locale.ROOT)),
                c -> new long[3]);
        sum[0] += row.count("demands_new");
        sum[1] += row.count("demands_resolved");
        sum[2] += row.count("demands_open");
      }
    }
    List<CategoryFigures> figures = new ArrayList<>();
    sums.forEach(
        (category, sum) -> figures.add(new CategoryFigures(category, sum[0], sum[1], sum[2])));
    return figures;
  }

  /** A settlement's trend, or the province's when {@code id} is null. */
  private List<TrendPoint> trend(String settlementId) {
    List<TrendPoint> points = new ArrayList<>();
    for (MartRow row : trend) {
      boolean mine =
          settlementId == null
              ? "province".equals(row.text("scope"))
              : settlementId.equals(row.text("settlement_id"));
      if (mine) {
        points.add(
            new TrendPoint(
                ReportPeriod.parse(row.text("trend_period")),
                row.count("demands_new"),
                row.count("demands_resolved"),
                row.count("demands_open")));
      }
    }
    return points;
  }

  private List<OpenDemand> oldestOpen(String settlementId) {
    List<OpenDemand> demands = new ArrayList<>();
    for (MartRow row : openDemands) {
      if (settlementId.equals(row.text("settlement_id"))) {
        demands.add(
            new OpenDemand(
                row.text("demand_id"),
                DemandCategory.valueOf(row.text("category").toUpperCase(Locale.ROOT)),
                row.name("agency_name_fa", "agency_name_en"),
                row.count("days_open")));
      }
    }
    return demands;
  }

  /** Which of an office's files arrived, on time or late, were rejected or are missing. */
  private Arrival arrival(MartRow office, OfficeDataset dataset) {
    String name = dataset.tableName();
    if (!office.flag("active")) {
      return Arrival.NOT_DUE;
    }
    if (office.flag(name + "_arrived")) {
      return office.flag(name + "_on_time") ? Arrival.ON_TIME : Arrival.LATE;
    }
    boolean rejected =
        submissions.stream()
            .anyMatch(
                s ->
                    office.text("office_id").equals(s.text("office_id"))
                        && name.equals(s.text("dataset"))
                        && Submission.REJECTED.equals(s.text("status")));
    if (rejected) {
      return Arrival.REJECTED;
    }
    // Households are sent only when surveys were done: no file is not a missing submission.
    return dataset == OfficeDataset.HOUSEHOLDS ? Arrival.NOT_DUE : Arrival.MISSING;
  }

  private List<OfficeCompleteness> completeness() {
    List<OfficeCompleteness> rows = new ArrayList<>();
    for (MartRow office : offices) {
      if (!office.flag("active")) {
        continue;
      }
      long read = 0;
      long quarantined = 0;
      for (OfficeDataset dataset : OfficeDataset.values()) {
        read += office.count(dataset.tableName() + "_rows_read");
        quarantined += office.count(dataset.tableName() + "_rows_quarantined");
      }
      rows.add(
          new OfficeCompleteness(
              office.text("office_id"),
              office.name("name_fa", "name_en"),
              (int) office.count("settlements_served"),
              arrival(office, OfficeDataset.HOUSEHOLDS),
              arrival(office, OfficeDataset.DEMANDS),
              arrival(office, OfficeDataset.ACTIVITIES),
              read,
              quarantined));
    }
    return rows;
  }

  /** What a planner should know about an office's files this month. */
  private List<DataQualityNote> officeFileNotes(MartRow office) {
    List<DataQualityNote> notes = new ArrayList<>();
    LocalDate last = period.lastDay();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      org.tashil.reports.model.Dataset reported = reportDataset(dataset);
      switch (arrival(office, dataset)) {
        case MISSING -> notes.add(new DataQualityNote.MissingFile(reported));
        case REJECTED -> notes.add(new DataQualityNote.RejectedFile(reported));
        case LATE -> {
          LocalDate seen = office.row().getAs(dataset.tableName() + "_first_seen_on");
          notes.add(
              new DataQualityNote.LateFile(
                  reported, java.time.temporal.ChronoUnit.DAYS.between(last, seen)));
        }
        case ON_TIME, NOT_DUE -> {}
      }
    }
    return notes;
  }

  private List<DataQualityNote> settlementNotes(String settlementId, String officeId) {
    List<DataQualityNote> notes = new ArrayList<>();
    offices.stream()
        .filter(office -> officeId.equals(office.text("office_id")))
        .findFirst()
        .ifPresent(office -> notes.addAll(officeFileNotes(office)));
    for (OfficeDataset dataset : OfficeDataset.values()) {
      Map<RejectReason, Long> reasons = quarantinedRows("settlement_id", settlementId, dataset);
      if (!reasons.isEmpty()) {
        MartRow settlement =
            settlements.stream()
                .filter(row -> settlementId.equals(row.text("settlement_id")))
                .findFirst()
                .orElseThrow();
        long read =
            settlement.count("rows_accepted_" + dataset.tableName())
                + settlement.count("rows_quarantined_" + dataset.tableName());
        notes.add(new DataQualityNote.QuarantinedRows(reportDataset(dataset), read, reasons));
      }
    }
    return notes;
  }

  private List<OfficeNote> officeNotes() {
    List<OfficeNote> notes = new ArrayList<>();
    for (MartRow office :
        offices.stream().sorted(Comparator.comparing(r -> r.text("office_id"))).toList()) {
      String id = office.text("office_id");
      BilingualName name = office.name("name_fa", "name_en");
      for (DataQualityNote note : officeFileNotes(office)) {
        notes.add(new OfficeNote(id, name, note));
      }
      for (OfficeDataset dataset : OfficeDataset.values()) {
        Map<RejectReason, Long> reasons = quarantinedRows("office_id", id, dataset);
        if (!reasons.isEmpty()) {
          notes.add(
              new OfficeNote(
                  id,
                  name,
                  new DataQualityNote.QuarantinedRows(
                      reportDataset(dataset),
                      office.count(dataset.tableName() + "_rows_read"),
                      reasons)));
        }
      }
      for (MartRow submission : submissions) {
        List<?> dropped = submission.row().getList(submission.row().fieldIndex("dropped_columns"));
        java.util.Optional<OfficeDataset> dataset =
            OfficeDataset.ofTableName(submission.text("dataset"));
        if (id.equals(submission.text("office_id"))
            && dropped != null
            && !dropped.isEmpty()
            && dataset.isPresent()) {
          notes.add(
              new OfficeNote(
                  id,
                  name,
                  new DataQualityNote.PersonalColumnsDropped(
                      reportDataset(dataset.get()),
                      dropped.stream().map(Objects::toString).toList())));
        }
      }
    }
    return notes;
  }

  /** The period's quarantined rows of a dataset by reason, for one office or one settlement. */
  private Map<RejectReason, Long> quarantinedRows(
      String column, String value, OfficeDataset dataset) {
    Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
    for (MartRow row : quarantine) {
      if (value.equals(row.text(column)) && dataset.tableName().equals(row.text("dataset"))) {
        reasons.merge(RejectReason.valueOf(row.text("reason")), row.count("rows"), Long::sum);
      }
    }
    return reasons;
  }

  private static org.tashil.reports.model.Dataset reportDataset(OfficeDataset dataset) {
    return switch (dataset) {
      case HOUSEHOLDS -> org.tashil.reports.model.Dataset.HOUSEHOLDS;
      case DEMANDS -> org.tashil.reports.model.Dataset.DEMANDS;
      case ACTIVITIES -> org.tashil.reports.model.Dataset.ACTIVITIES;
    };
  }

  private static org.tashil.reports.model.Deprivation reportDeprivation(Deprivation deprivation) {
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
}
