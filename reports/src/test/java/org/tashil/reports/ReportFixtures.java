package org.tashil.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tashil.reports.model.Activities;
import org.tashil.reports.model.AgencyBacklog;
import org.tashil.reports.model.AgencyDemand;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.AgencyTrendPoint;
import org.tashil.reports.model.Arrival;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.CategoryFigures;
import org.tashil.reports.model.CountyFigures;
import org.tashil.reports.model.DataQualityNote;
import org.tashil.reports.model.Dataset;
import org.tashil.reports.model.DemandCategory;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.DemandStatus;
import org.tashil.reports.model.Deprivation;
import org.tashil.reports.model.DeprivationComparison;
import org.tashil.reports.model.DeprivationShare;
import org.tashil.reports.model.FileCoverage;
import org.tashil.reports.model.KeyFigures;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.OfficeCompleteness;
import org.tashil.reports.model.OfficeFile;
import org.tashil.reports.model.OfficeNote;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.OpenDemand;
import org.tashil.reports.model.Poverty;
import org.tashil.reports.model.ProvinceHeadline;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.QualityFlag;
import org.tashil.reports.model.QualityMeasure;
import org.tashil.reports.model.Rank;
import org.tashil.reports.model.ReasonCount;
import org.tashil.reports.model.RejectReason;
import org.tashil.reports.model.RejectedRow;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.SettlementHeader;
import org.tashil.reports.model.SettlementRanking;
import org.tashil.reports.model.SettlementRelocation;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.model.Share;
import org.tashil.reports.model.TrendPoint;

/** Small hand-made report values for the tests, and a synthetic province for the benchmark. */
public final class ReportFixtures {

  public static final ReportPeriod ABAN_1405 = new ReportPeriod(1405, 8);
  public static final String RUN_ID = "run-20261127-0815";
  public static final long WAREHOUSE_VERSION = 42;
  public static final int REVISION = 2;

  private static final BilingualName AHVAZ = new BilingualName("اهواز", "Ahvaz");
  private static final BilingualName WATER_COMPANY =
      new BilingualName("شرکت آب و فاضلاب خوزستان", "Khuzestan Water and Wastewater Company");
  private static final BilingualName MUNICIPALITY = new BilingualName("شهرداری", "Municipality");
  private static final BilingualName POWER =
      new BilingualName("شرکت توزیع نیروی برق اهواز", "Ahvaz Electricity Distribution Company");

  private ReportFixtures() {}

  public static RenderContext context(Language language) {
    return new RenderContext(
        language,
        RUN_ID,
        REVISION,
        LocalDate.of(2026, 11, 27),
        WAREHOUSE_VERSION,
        ABAN_1405,
        RenderContext.DEFAULT_SUPPRESSION_THRESHOLD);
  }

  /** Hasirabad: a large, well-surveyed hillside settlement with every section filled. */
  public static SettlementReport hasirabad() {
    long households = 1240;
    return new SettlementReport(
        new SettlementHeader(
            "AHV-001",
            new BilingualName("حصیرآباد", "Hasirabad"),
            AHVAZ,
            AHVAZ,
            new BilingualName(
                "دفتر تسهیل‌گری و توسعه محلی حصیرآباد", "Hasirabad Facilitation Office")),
        KeyFigures.of(36000, 8933, households, 5010),
        deprivations(
            households, new double[] {0.62, 0.48, 0.21, 0.55, 0.71, 0.34, 0.58, 0.19, 0.41, 0.37}),
        new Poverty(
            Share.of(1020, households),
            new Share(0.842, households),
            new Share(0.512, households),
            new Share(0.447, households),
            new Share(0.229, households)),
        new Rank(3, 128),
        // 170 open at the start + 87 − 41 − 6 − 2 + 4 reported late = 212 open at the end.
        new DemandFigures(87, 41, 6, 2, 212, 64, 23.5, 3120, 170, 4, 0, FileCoverage.complete(1)),
        List.of(
            new CategoryFigures(DemandCategory.WATER, 31, 12, 74),
            new CategoryFigures(DemandCategory.SEWAGE, 14, 9, 38),
            new CategoryFigures(DemandCategory.ROADS, 9, 4, 27),
            new CategoryFigures(DemandCategory.DOCUMENTS, 11, 5, 22),
            new CategoryFigures(DemandCategory.RELOCATION, 8, 3, 19),
            new CategoryFigures(DemandCategory.ELECTRICITY, 14, 8, 32),
            new CategoryFigures(DemandCategory.HEALTH, 0, 0, 0)),
        trend(60),
        List.of(
            new OpenDemand("D-1398-0412", DemandCategory.WATER, WATER_COMPANY, 412),
            new OpenDemand("D-1404-0077", DemandCategory.ROADS, MUNICIPALITY, 233),
            new OpenDemand("D-1404-0190", DemandCategory.ELECTRICITY, POWER, 181),
            new OpenDemand("D-1405-0021", DemandCategory.SEWAGE, WATER_COMPANY, 96)),
        new Relocation(310, 142, 61, 107),
        new Activities(14, 386, 171, FileCoverage.complete(1)),
        List.of(
            new DataQualityNote.QuarantinedRows(
                Dataset.DEMANDS,
                320,
                Map.of(RejectReason.UNKNOWN_SETTLEMENT, 9L, RejectReason.MISSING_REQUIRED, 5L)),
            new DataQualityNote.LateFile(Dataset.HOUSEHOLDS, 14)));
  }

  /** Kuy-e Mashali: three households surveyed, under the suppression threshold of five. */
  public static SettlementReport mashali() {
    long households = 3;
    return new SettlementReport(
        new SettlementHeader(
            "AHV-007",
            new BilingualName("کوی مشعلی", "Kuy-e Mashali"),
            AHVAZ,
            AHVAZ,
            new BilingualName(
                "دفتر تسهیل‌گری و توسعه محلی شلنگ‌آباد", "Shelangabad Facilitation Office")),
        KeyFigures.of(1560, 400, households, 13),
        deprivations(
            households, new double[] {1, 2 / 3.0, 1 / 3.0, 1, 1, 0, 1, 0, 2 / 3.0, 1 / 3.0}),
        new Poverty(
            Share.of(3, households),
            new Share(1.0, households),
            new Share(1.0, households),
            new Share(0.55, households),
            new Share(0.55, households)),
        null,
        new DemandFigures(2, 0, 0, 0, 5, 1, null, 40, 3, 0, 0, FileCoverage.complete(1)),
        List.of(new CategoryFigures(DemandCategory.WASTE, 2, 0, 5)),
        trend(3),
        List.of(new OpenDemand("M-17", DemandCategory.WASTE, MUNICIPALITY, 45)),
        new Relocation(0, 0, 0, 0),
        new Activities(1, 22, 9, FileCoverage.complete(1)),
        List.of(new DataQualityNote.MissingFile(Dataset.ACTIVITIES)));
  }

  /**
   * Malashieh, whose office sent no demands file for Aban (nor for Shahrivar) and no activities
   * file: its flows are unknown, its open demands stand as of Mehr's file.
   */
  public static SettlementReport malashieh() {
    long households = 2210;
    SettlementReport template = hasirabad();
    List<TrendPoint> trend = new ArrayList<>();
    for (TrendPoint point : trend(70)) {
      boolean missing =
          point.period().equals(ABAN_1405) || point.period().equals(new ReportPeriod(1405, 6));
      trend.add(missing ? TrendPoint.withoutFile(point.period(), point.open()) : point);
    }
    return new SettlementReport(
        new SettlementHeader(
            "AHV-003",
            new BilingualName("ملاشیه", "Malashieh"),
            AHVAZ,
            AHVAZ,
            office("ملاشیه", "Malashieh")),
        KeyFigures.of(65_000, 16_250, households, 9_100),
        template.deprivations(),
        template.poverty(),
        new Rank(2, 128),
        // No file: no new or closed demand is known; the 913 open stand as of Mehr's file.
        new DemandFigures(
            0,
            0,
            0,
            0,
            913,
            402,
            null,
            11_870,
            913,
            0,
            0,
            FileCoverage.ofSettlement(true, true, new ReportPeriod(1405, 7))),
        List.of(new CategoryFigures(DemandCategory.WATER, 0, 0, 913)),
        trend,
        template.oldestOpenDemands(),
        new Relocation(0, 0, 0, 0),
        new Activities(0, 0, 0, FileCoverage.ofSettlement(true, true, null)),
        List.of(
            new DataQualityNote.MissingFile(Dataset.DEMANDS),
            new DataQualityNote.MissingFile(Dataset.ACTIVITIES)));
  }

  /** The province, with the two settlements above among its rows. */
  public static ProvinceReport province() {
    List<SettlementRanking> ranking = new ArrayList<>();
    ranking.add(ranking(3, "AHV-001", "حصیرآباد", "Hasirabad", 1240, 0.139, 0.823, 0.229));
    ranking.add(ranking(1, "AHV-002", "منبع آب", "Manba-e Ab", 1410, 0.133, 0.871, 0.251));
    ranking.add(ranking(2, "AHV-003", "ملاشیه", "Malashieh", 2210, 0.131, 0.842, 0.238));
    ranking.add(
        new SettlementRanking(
            null,
            "AHV-007",
            new BilingualName("کوی مشعلی", "Kuy-e Mashali"),
            AHVAZ,
            3,
            new Share(0.0075, 3),
            Share.of(3, 3),
            new Share(0.55, 3)));
    return province(ranking, 128);
  }

  static SettlementRanking ranking(
      int rank,
      String id,
      String persian,
      String english,
      long households,
      double coverage,
      double slum,
      double index) {
    return new SettlementRanking(
        rank,
        id,
        new BilingualName(persian, english),
        AHVAZ,
        households,
        new Share(coverage, households),
        new Share(slum, households),
        new Share(index, households));
  }

  static ProvinceReport province(List<SettlementRanking> ranking, int settlements) {
    long households = 41_800;
    List<DeprivationShare> deprivations = new ArrayList<>();
    double[] shares = {0.41, 0.37, 0.18, 0.44, 0.52, 0.29, 0.46, 0.16, 0.33, 0.31};
    for (Deprivation deprivation : Deprivation.values()) {
      deprivations.add(
          new DeprivationShare(deprivation, new Share(shares[deprivation.ordinal()], households)));
    }
    return new ProvinceReport(
        new ProvinceHeadline(
            settlements,
            KeyFigures.of(850_000, 212_000, households, 171_300),
            new Poverty(
                new Share(0.684, households),
                new Share(0.712, households),
                new Share(0.388, households),
                new Share(0.421, households),
                new Share(0.163, households)),
            // 10,621 + 8,012 − 3,870 − 412 − 150 + 31 − 12 = 14,220; 2 of 19 offices sent no
            // demands file, 1 no activities file.
            new DemandFigures(
                8012,
                3870,
                412,
                150,
                14_220,
                5_110,
                31.0,
                221_400,
                10_621,
                31,
                12,
                new FileCoverage(19, 2, null)),
            new Activities(1512, 38_400, 17_250, new FileCoverage(19, 1, null)),
            new Relocation(6_420, 2_810, 1_240, 2_370),
            19,
            17,
            15),
        deprivations,
        List.of(
            completeness(
                "OF-01",
                "حصیرآباد",
                "Hasirabad",
                Arrival.ON_TIME,
                Arrival.ON_TIME,
                Arrival.ON_TIME,
                5,
                2210,
                14),
            completeness(
                "OF-02",
                "منبع آب",
                "Manba-e Ab",
                Arrival.NOT_DUE,
                Arrival.LATE,
                Arrival.ON_TIME,
                1,
                940,
                0),
            completeness(
                "OF-03",
                "ملاشیه",
                "Malashieh",
                Arrival.ON_TIME,
                Arrival.MISSING,
                Arrival.ON_TIME,
                4,
                1320,
                3),
            completeness(
                "OF-07",
                "کوت عبدالله",
                "Kut-e Abdollah",
                Arrival.REJECTED,
                Arrival.ON_TIME,
                Arrival.MISSING,
                2,
                610,
                41)),
        ranking,
        List.of(
            new CountyFigures(
                AHVAZ,
                58,
                24_100,
                new Share(0.21, 24_100),
                new Share(0.71, 24_100),
                new Share(0.171, 24_100),
                4_820,
                8_440),
            new CountyFigures(
                new BilingualName("دزفول", "Dezful"),
                6,
                2_300,
                new Share(0.18, 2_300),
                new Share(0.58, 2_300),
                new Share(0.121, 2_300),
                410,
                770),
            new CountyFigures(
                new BilingualName("هندیجان", "Hendijan"),
                1,
                4,
                new Share(0.02, 4),
                new Share(0.75, 4),
                new Share(0.3, 4),
                0,
                0)),
        List.of(
            new AgencyPerformance(
                "water_wastewater",
                WATER_COMPANY,
                21,
                2_410,
                1_120,
                4_020,
                2_200,
                24.0,
                0.46,
                611L),
            new AgencyPerformance(
                "municipality", MUNICIPALITY, 45, 1_880, 760, 3_950, 1_300, 52.5, 0.58, 540L),
            new AgencyPerformance(
                "power_distribution", POWER, 14, 1_020, 690, 1_110, 480, 9.0, 0.81, 233L),
            new AgencyPerformance(
                "deeds_registry",
                new BilingualName(
                    "اداره کل ثبت اسناد و املاک خوزستان",
                    "Khuzestan General Directorate of Deeds and Property Registration"),
                120,
                0,
                0,
                0,
                0,
                null,
                null,
                null)),
        List.of(
            new CategoryFigures(DemandCategory.WATER, 2_400, 1_100, 4_000),
            new CategoryFigures(DemandCategory.ELECTRICITY, 1_010, 690, 1_100),
            new CategoryFigures(DemandCategory.SEWAGE, 1_200, 420, 2_600),
            new CategoryFigures(DemandCategory.ROADS, 980, 310, 2_100),
            new CategoryFigures(DemandCategory.WASTE, 870, 450, 1_350),
            new CategoryFigures(DemandCategory.DOCUMENTS, 640, 330, 1_010),
            new CategoryFigures(DemandCategory.RELOCATION, 300, 80, 720),
            new CategoryFigures(DemandCategory.OTHER, 612, 490, 1_340)),
        trend(8000),
        List.of(
            new SettlementRelocation(
                "AHV-001",
                new BilingualName("حصیرآباد", "Hasirabad"),
                new Relocation(310, 142, 61, 107)),
            new SettlementRelocation(
                "AHV-002",
                new BilingualName("منبع آب", "Manba-e Ab"),
                new Relocation(280, 90, 88, 102)),
            new SettlementRelocation(
                "AHV-015",
                new BilingualName("کوی رمضان", "Kuy-e Ramezan"),
                new Relocation(4, 2, 1, 1))),
        List.of(
            new OfficeNote(
                "OF-03",
                office("ملاشیه", "Malashieh"),
                new DataQualityNote.MissingFile(Dataset.DEMANDS)),
            new OfficeNote(
                "OF-02",
                office("منبع آب", "Manba-e Ab"),
                new DataQualityNote.LateFile(Dataset.DEMANDS, 14)),
            new OfficeNote(
                "OF-07",
                office("کوت عبدالله", "Kut-e Abdollah"),
                new DataQualityNote.RejectedFile(Dataset.HOUSEHOLDS)),
            new OfficeNote(
                "OF-01",
                office("حصیرآباد", "Hasirabad"),
                new DataQualityNote.QuarantinedRows(
                    Dataset.DEMANDS,
                    320,
                    Map.of(
                        RejectReason.UNKNOWN_SETTLEMENT, 9L, RejectReason.MISSING_REQUIRED, 5L))),
            new OfficeNote(
                "OF-07",
                office("کوت عبدالله", "Kut-e Abdollah"),
                new DataQualityNote.PersonalColumnsDropped(
                    Dataset.HOUSEHOLDS, List.of("national_id", "phone")))),
        List.of(newDemandsOfHasirabadOffice(), surveysOfHasirabad()));
  }

  /** The Hasirabad office registered far more demands than in any month of the year before. */
  static QualityFlag newDemandsOfHasirabadOffice() {
    return new QualityFlag(
        QualityFlag.Scope.OFFICE,
        "OF-01",
        office("حصیرآباد", "Hasirabad"),
        QualityMeasure.NEW_DEMANDS,
        87,
        31,
        12.4,
        49.6,
        12,
        new ReportPeriod(1404, 8),
        new ReportPeriod(1405, 7),
        9.1);
  }

  /** Hasirabad's surveys stopped although its office sent a households file. */
  static QualityFlag surveysOfHasirabad() {
    return new QualityFlag(
        QualityFlag.Scope.SETTLEMENT,
        "AHV-001",
        new BilingualName("حصیرآباد", "Hasirabad"),
        QualityMeasure.SURVEYS,
        0,
        40,
        12.5,
        67.5,
        9,
        new ReportPeriod(1404, 11),
        new ReportPeriod(1405, 7),
        -4.9);
  }

  /** A national id and a mobile number planted where an office typed them: never printed. */
  public static final List<String> PLANTED = List.of("4061358952", "09121234567");

  /**
   * The Hasirabad office's feedback: a late households file, demands on time, no activities file,
   * rows rejected for every kind of reason (one quarantined by an earlier Tashil, without its
   * message's key), and personal values planted in two rows' values.
   */
  public static OfficeReport hasirabadOffice() {
    return office(
        List.of(
            rejected(
                Dataset.HOUSEHOLDS,
                14,
                "surveyed_on",
                RejectReason.BAD_DATE,
                "value.impossible_date",
                List.of("surveyed_on", "1405/07/31"),
                "1405/07/31"),
            rejected(
                Dataset.HOUSEHOLDS,
                15,
                "members",
                RejectReason.OUT_OF_RANGE,
                "value.out_of_range",
                List.of("members", "0", "1", "30"),
                "0"),
            rejected(
                Dataset.HOUSEHOLDS,
                20,
                "household_code",
                RejectReason.PERSONAL_DATA,
                "value.personal_data",
                List.of("household_code"),
                PLANTED.get(0)),
            rejected(
                Dataset.DEMANDS,
                7,
                "settlement_id",
                RejectReason.UNKNOWN_SETTLEMENT,
                "value.unknown_settlement",
                List.of("AHV-999"),
                "AHV-999"),
            rejected(
                Dataset.DEMANDS,
                9,
                null,
                RejectReason.BAD_ROW,
                "value.bad_row",
                List.of("13", "12"),
                null),
            rejected(
                Dataset.DEMANDS,
                31,
                "closed_on",
                RejectReason.MISSING_REQUIRED,
                "rule.closed_on_required",
                List.of("resolved"),
                null),
            rejected(
                Dataset.DEMANDS, 40, "priority", RejectReason.BAD_ENUM, null, List.of(), "urgentt"),
            rejected(
                Dataset.DEMANDS,
                41,
                "demand_id",
                RejectReason.PERSONAL_DATA,
                "value.personal_data",
                List.of("demand_id"),
                PLANTED.get(1))));
  }

  /** The same office with {@code count} rows rejected, for a table that runs over pages. */
  public static OfficeReport officeWithManyRejectedRows(int count) {
    List<RejectedRow> rows = new ArrayList<>();
    for (int line = 2; line < count + 2; line++) {
      rows.add(
          line % 3 == 0
              ? rejected(
                  Dataset.DEMANDS,
                  line,
                  "registered_on",
                  RejectReason.BAD_DATE,
                  "value.dashed_jalali",
                  List.of("registered_on", "1405-08-0" + (line % 9 + 1)),
                  null)
              : rejected(
                  Dataset.HOUSEHOLDS,
                  line,
                  "children_in_school",
                  RejectReason.INCONSISTENT,
                  "rule.at_most",
                  List.of("children_in_school", "4", "children_6_17", "3"),
                  "4"));
    }
    return office(rows);
  }

  private static OfficeReport office(List<RejectedRow> rows) {
    return new OfficeReport(
        "OF-01",
        office("حصیرآباد", "Hasirabad"),
        5,
        LocalDate.of(2026, 12, 1),
        List.of(
            new OfficeFile(
                Dataset.HOUSEHOLDS, Arrival.LATE, LocalDate.of(2026, 12, 5), 14L, 120, 112, 8),
            new OfficeFile(
                Dataset.DEMANDS, Arrival.ON_TIME, LocalDate.of(2026, 11, 25), null, 320, 306, 14),
            new OfficeFile(Dataset.ACTIVITIES, Arrival.MISSING, null, null, 0, 0, 0)),
        List.of(
            new ReasonCount(RejectReason.UNKNOWN_SETTLEMENT, 9, 12L),
            new ReasonCount(RejectReason.BAD_DATE, 5, 2L),
            new ReasonCount(RejectReason.PERSONAL_DATA, 2, null),
            new ReasonCount(RejectReason.DUPLICATE_KEY, 0, 4L)),
        List.of(surveysOfHasirabad(), newDemandsOfHasirabadOffice()),
        List.of(
            new AgencyBacklog("municipality", MUNICIPALITY, 45, 27, 3, 233),
            new AgencyBacklog("water_wastewater", WATER_COMPANY, 21, 74, 31, 412)),
        rows);
  }

  private static RejectedRow rejected(
      Dataset dataset,
      int line,
      String column,
      RejectReason reason,
      String key,
      List<String> arguments,
      String value) {
    return new RejectedRow(
        dataset, dataset.code() + ".csv", line, column, reason, key, arguments, value);
  }

  static BilingualName office(String persian, String english) {
    return new BilingualName(
        "دفتر تسهیل‌گری و توسعه محلی " + persian, english + " Facilitation Office");
  }

  static OfficeCompleteness completeness(
      String id,
      String persian,
      String english,
      Arrival households,
      Arrival demands,
      Arrival activities,
      int settlements,
      long rowsRead,
      long rowsQuarantined) {
    return new OfficeCompleteness(
        id,
        office(persian, english),
        settlements,
        households,
        demands,
        activities,
        rowsRead,
        rowsQuarantined);
  }

  static List<DeprivationComparison> deprivations(long households, double[] settlement) {
    double[] province = {0.41, 0.37, 0.18, 0.44, 0.52, 0.29, 0.46, 0.16, 0.33, 0.31};
    List<DeprivationComparison> rows = new ArrayList<>();
    for (Deprivation deprivation : Deprivation.values()) {
      rows.add(
          new DeprivationComparison(
              deprivation,
              new Share(settlement[deprivation.ordinal()], households),
              new Share(province[deprivation.ordinal()], 41_800)));
    }
    return rows;
  }

  static List<TrendPoint> trend(int scale) {
    List<TrendPoint> points = new ArrayList<>();
    ReportPeriod period = ABAN_1405;
    for (int i = 0; i < 12; i++) {
      double wave = 1 + 0.25 * Math.sin(i * 0.9);
      points.add(
          new TrendPoint(
              period,
              Math.round(scale * wave),
              Math.round(scale * 0.45 * wave),
              Math.round(scale * (2.0 + i * 0.08))));
      period = period.previous();
    }
    return points;
  }

  /** A synthetic province of {@code count} settlements (deterministic), for the benchmark. */
  public static List<SettlementReport> syntheticSettlements(int count) {
    Random random = new Random(42);
    SettlementReport template = hasirabad();
    List<SettlementReport> reports = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      long households = i % 17 == 0 ? 3 : 50 + random.nextInt(2_000);
      double[] shares = new double[10];
      for (int d = 0; d < 10; d++) {
        shares[d] = random.nextDouble() * 0.8;
      }
      Map<DemandCategory, CategoryFigures> categories = new EnumMap<>(DemandCategory.class);
      for (DemandCategory category : DemandCategory.values()) {
        if (random.nextInt(3) > 0) {
          categories.put(
              category,
              new CategoryFigures(
                  category, random.nextInt(30), random.nextInt(15), random.nextInt(60)));
        }
      }
      String id = String.format("SYN-%03d", i);
      reports.add(
          new SettlementReport(
              new SettlementHeader(
                  id,
                  new BilingualName("سکونتگاه نمونه " + i, "Sample settlement " + i),
                  AHVAZ,
                  AHVAZ,
                  template.header().office()),
              KeyFigures.of(households * 4 + 500, households + 100, households, households * 4),
              deprivations(households, shares),
              template.poverty(),
              i % 17 == 0 ? null : new Rank(1 + random.nextInt(count - 10), count - 10),
              template.demands(),
              List.copyOf(categories.values()),
              trend(20 + random.nextInt(80)),
              template.oldestOpenDemands(),
              template.relocation(),
              template.activities(),
              template.dataQuality()));
    }
    return reports;
  }

  /**
   * {@code report} as another settlement: its id and names, its households surveyed and its rank
   * (null for none); every other figure as in {@code report}.
   */
  public static SettlementReport another(
      SettlementReport report,
      String id,
      String persian,
      String english,
      long households,
      Rank rank) {
    SettlementHeader header = report.header();
    KeyFigures figures = report.keyFigures();
    return new SettlementReport(
        new SettlementHeader(
            id,
            new BilingualName(persian, english),
            header.city(),
            header.county(),
            header.office()),
        KeyFigures.of(
            figures.estimatedPopulation(),
            figures.estimatedHouseholds(),
            households,
            households * 4),
        report.deprivations(),
        report.poverty(),
        rank,
        report.demands(),
        report.categories(),
        report.trend(),
        report.oldestOpenDemands(),
        report.relocation(),
        report.activities(),
        report.dataQuality());
  }

  private static final BilingualName DEZFUL = new BilingualName("دزفول", "Dezful");

  /**
   * The water company's follow-up report: six open demands in two counties and three settlements,
   * D-1398-0412 and D-1404-0077 past its SLA of 21 days (and the first urgent), D-1405-0301 fresh.
   */
  public static AgencyReport waterCompany() {
    List<AgencyTrendPoint> trend = new ArrayList<>();
    ReportPeriod period = ABAN_1405;
    for (int i = 0; i < 12; i++) {
      trend.add(new AgencyTrendPoint(period, 1210 - 30L * i, 840 - 25L * i));
      period = period.previous();
    }
    BilingualName hasirabad = new BilingualName("حصیرآباد", "Hasirabad");
    BilingualName malashieh = new BilingualName("ملاشیه", "Malashieh");
    BilingualName modarres = new BilingualName("کوی مدرس", "Kuy-e Modarres");
    return new AgencyReport(
        new AgencyPerformance(
            "water_wastewater", WATER_COMPANY, 21, 412, 377, 1210, 840, 18.5, 0.617, 412L),
        47.0,
        LocalDate.of(2026, 11, 21),
        trend,
        List.of(
            agencyDemand(
                "OF-01", "D-1405-0301", AHVAZ, "AHV-001", hasirabad, false, false, 12, 2026, 11, 9),
            agencyDemand(
                "OF-01", "D-1398-0412", AHVAZ, "AHV-001", hasirabad, true, true, 412, 2025, 10, 5),
            agencyDemand(
                "OF-03", "D-1404-0077", AHVAZ, "AHV-003", malashieh, false, true, 233, 2026, 4, 2),
            agencyDemand(
                "OF-03", "D-1405-0288", AHVAZ, "AHV-003", malashieh, true, false, 20, 2026, 11, 1),
            agencyDemand(
                "OF-11", "DZ-0042", DEZFUL, "DEZ-001", modarres, false, true, 64, 2026, 9, 18),
            agencyDemand(
                "OF-11", "DZ-0051", DEZFUL, "DEZ-001", modarres, false, false, 3, 2026, 11, 18)));
  }

  private static AgencyDemand agencyDemand(
      String office,
      String id,
      BilingualName county,
      String settlementId,
      BilingualName settlement,
      boolean urgent,
      boolean overdue,
      long daysOpen,
      int year,
      int month,
      int day) {
    return new AgencyDemand(
        office,
        id,
        county,
        settlementId,
        settlement,
        DemandCategory.WATER,
        urgent,
        urgent ? DemandStatus.REGISTERED : DemandStatus.IN_PROGRESS,
        LocalDate.of(year, month, day),
        daysOpen,
        overdue,
        4 + daysOpen % 37);
  }

  /**
   * A long follow-up report, {@code count} open demands over four counties and twenty settlements
   * (deterministic), to see the table run over many pages.
   */
  public static AgencyReport longAgency(int count) {
    AgencyReport template = waterCompany();
    Random random = new Random(7);
    String[][] counties = {
      {"اهواز", "Ahvaz"}, {"دزفول", "Dezful"}, {"آبادان", "Abadan"}, {"بهبهان", "Behbahan"}
    };
    List<AgencyDemand> demands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int settlement = random.nextInt(20);
      String[] county = counties[settlement % counties.length];
      long days = random.nextInt(700);
      demands.add(
          new AgencyDemand(
              "OF-" + String.format("%02d", 1 + settlement % 19),
              String.format("D-%05d", i),
              new BilingualName(county[0], county[1]),
              String.format("S-%03d", settlement),
              new BilingualName("سکونتگاه نمونه " + settlement, "Sample settlement " + settlement),
              DemandCategory.values()[random.nextInt(DemandCategory.values().length)],
              random.nextInt(5) == 0,
              DemandStatus.values()[random.nextInt(DemandStatus.values().length)],
              template.asOf().minusDays(days),
              days,
              days > 21,
              1 + random.nextInt(300)));
    }
    return new AgencyReport(
        template.performance(),
        template.p90DaysToResolve(),
        template.asOf(),
        template.trend(),
        demands);
  }
}
