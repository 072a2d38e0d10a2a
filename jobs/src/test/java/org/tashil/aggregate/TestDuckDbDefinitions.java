package org.tashil.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;
import org.tashil.aggregate.intermediate.AsOfStates;
import org.tashil.aggregate.intermediate.PackedAsOfStates;
import org.tashil.bench.DuckDbPeer;
import org.tashil.bench.DuckDbSession;
import org.tashil.bench.MartComparison;
import org.tashil.bench.MartTable;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The DuckDB SQL of the benchmark defines every household and demand figure as this package does:
 * household by household and demand by demand, the version each engine picks and each flag, over
 * made-up rows that take every value of every enumerated column the definitions read and sit on
 * every boundary (3 persons a room, a score of exactly 1/3, ages 30/31, 90/91, 180/181, the SLA
 * day), then each settlement's sums. The versions are picked as the aggregate job picks them
 * ({@link PackedAsOfStates}); it sits in this package to run Spark's own indicator definitions
 * ({@link HouseholdIndicators}, {@link DemandIndicators}), which are package-private.
 */
class TestDuckDbDefinitions {

  private static final Period PERIOD = Period.parse("1405-08");
  private static final LocalDate LAST = PERIOD.lastDay();
  private static final int[] AGES = {0, 10, 11, 30, 31, 90, 91, 180, 181, 400};
  private static final Integer[] CLOSED_AFTER = {null, 0, 10, 11, 30, 31};

  @TempDir static Path root;
  private static Warehouse warehouse;
  private static Registry registry;

  @BeforeAll
  static void writeMadeUpCleanTables() {
    SparkSession spark = SparkTests.session();
    warehouse = new Warehouse(spark, root.toString());
    registry = IndicatorWarehouse.registry();
    write(
        "clean/households", Tables.clean(org.tashil.schema.OfficeDataset.HOUSEHOLDS), households());
    write("clean/demands", Tables.clean(org.tashil.schema.OfficeDataset.DEMANDS), demands());
    listSubmissions(warehouse);
  }

  /**
   * The submissions table an ingest would have written beside the clean tables: one row for each
   * file their rows came from, in its period.
   */
  private static void listSubmissions(Warehouse warehouse) {
    Dataset<Row> files = null;
    for (org.tashil.schema.OfficeDataset dataset :
        List.of(
            org.tashil.schema.OfficeDataset.HOUSEHOLDS, org.tashil.schema.OfficeDataset.DEMANDS)) {
      if (!warehouse.exists("clean/" + dataset.tableName())) {
        continue;
      }
      Dataset<Row> ofDataset =
          warehouse
              .read("clean/" + dataset.tableName())
              .select(
                  col(Tables.OFFICE_ID),
                  org.apache.spark.sql.functions.lit(dataset.tableName()).as("dataset"),
                  col("source_file").as("file"),
                  col(Tables.PERIOD))
              .distinct();
      files = files == null ? ofDataset : files.unionByName(ofDataset);
    }
    List<Column> columns = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField field : Tables.SUBMISSIONS.fields()) {
      columns.add(
          List.of(files.columns()).contains(field.name())
              ? col(field.name())
              : org.apache.spark.sql.functions.lit(null).cast(field.dataType()).as(field.name()));
    }
    files
        .select(columns.toArray(Column[]::new))
        .write()
        .format("delta")
        .partitionBy(Tables.PERIOD)
        .save(warehouse.path("submissions"));
  }

  @Test
  void aVersionFromAFileTheSubmissionsDoNotListStopsThePick(@TempDir Path other) {
    Map<String, Object> survey = oneSurvey(Map.of());
    Warehouse elsewhere = warehouseOf(other, survey);
    // count() alone would not need the versions' order; the indicators always do.
    assertThat(
            new PackedAsOfStates(elsewhere, registry, AsOfStates.Source.DROPPED)
                .householdsAsOfPeriod(PERIOD)
                .collectAsList())
        .hasSize(1);

    Map<String, Object> unlisted = new LinkedHashMap<>(survey);
    unlisted.put("household_code", "HH-UNLISTED");
    unlisted.put("source_file", "OF-01_households_1405-08 (2).csv");
    SparkTests.session()
        .createDataFrame(
            List.of(row(Tables.clean(org.tashil.schema.OfficeDataset.HOUSEHOLDS), unlisted)),
            Tables.clean(org.tashil.schema.OfficeDataset.HOUSEHOLDS))
        .write()
        .format("delta")
        .mode("append")
        .save(elsewhere.path("clean/households"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new PackedAsOfStates(elsewhere, registry, AsOfStates.Source.DROPPED)
                    .householdsAsOfPeriod(PERIOD)
                    .collectAsList())
        .hasStackTraceContaining(
            "a row of OF-01_households_1405-08 (2).csv in 1405-08 is in a clean table but the"
                + " period's submissions do not list that file");
  }

  @Test
  void aValueIngestWouldNotAcceptStopsThePickRatherThanBeingPackedWrong(@TempDir Path other) {
    // members is 1 to 30 in the schema: the pick carries it in five bits.
    Warehouse elsewhere = warehouseOf(other, oneSurvey(Map.of("members", 31)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new PackedAsOfStates(elsewhere, registry, AsOfStates.Source.DROPPED)
                    .householdsAsOfPeriod(PERIOD)
                    .collectAsList())
        .hasStackTraceContaining(
            "a value of members ingest would not accept, in OF-01_households_1405-08.csv: 31");
  }

  @Test
  void aSettlementOrAgencyTheRegistryNoLongerListsIsPickedAsNoValue() {
    Map<String, Row> full = demandStatesByKey(registry);
    Row first = full.values().iterator().next();
    String settlement = first.getAs("settlement_id");
    String agency = first.getAs("agency_id");
    Registry smaller =
        new Registry(
            registry.settlements().stream().filter(s -> !s.id().equals(settlement)).toList(),
            registry.offices(),
            registry.agencies().stream().filter(a -> !a.id().equals(agency)).toList(),
            registry.aliases());
    Map<String, Row> without = demandStatesByKey(smaller);
    assertThat(without.keySet()).isEqualTo(full.keySet());
    int settlementsGone = 0;
    int agenciesGone = 0;
    for (Map.Entry<String, Row> entry : full.entrySet()) {
      Row before = entry.getValue();
      Row after = without.get(entry.getKey());
      for (String column : before.schema().fieldNames()) {
        Object expected = before.getAs(column);
        if ((column.equals("settlement_id") && settlement.equals(expected))
            || (column.equals("agency_id") && agency.equals(expected))) {
          expected = null;
          settlementsGone += column.equals("settlement_id") ? 1 : 0;
          agenciesGone += column.equals("agency_id") ? 1 : 0;
        }
        assertThat((Object) after.getAs(column))
            .as(entry.getKey() + " " + column)
            .isEqualTo(expected);
      }
    }
    assertThat(settlementsGone).isPositive();
    assertThat(agenciesGone).isPositive();
  }

  /** The demand states as of the period, by office and demand id, as picked with the registry. */
  private static Map<String, Row> demandStatesByKey(Registry with) {
    Map<String, Row> states = new java.util.TreeMap<>();
    for (Row row :
        new PackedAsOfStates(warehouse, with, AsOfStates.Source.KEPT)
            .demandsAsOfPeriod(PERIOD)
            .collectAsList()) {
      states.put(row.getAs("office_id") + "/" + row.getAs("demand_id"), row);
    }
    return states;
  }

  /** The first made-up survey, from a file of the period, with some of its values changed. */
  private static Map<String, Object> oneSurvey(Map<String, Object> changed) {
    Map<String, Object> survey = new LinkedHashMap<>(households().get(0));
    survey.put("source_file", "OF-01_households_1405-08.csv");
    survey.put(Tables.PERIOD, PERIOD.toString());
    survey.putAll(changed);
    return survey;
  }

  /** A warehouse of its own under {@code folder}, with the survey and its file's submission. */
  private static Warehouse warehouseOf(Path folder, Map<String, Object> survey) {
    Warehouse elsewhere = new Warehouse(SparkTests.session(), folder.toString());
    writeTo(
        elsewhere,
        "clean/households",
        Tables.clean(org.tashil.schema.OfficeDataset.HOUSEHOLDS),
        List.of(survey));
    listSubmissions(elsewhere);
    return elsewhere;
  }

  @Test
  void eachHouseholdsSurveyAndDeprivationsAreTheSame() {
    List<String> figures = new ArrayList<>(List.of("period", "source_line"));
    for (Deprivation deprivation : Deprivation.values()) {
      figures.add("flag_" + deprivation.key());
    }
    figures.addAll(List.of("flag_slum", "score_sixtieths", "flag_poor"));
    Dataset<Row> spark =
        new PackedAsOfStates(warehouse, registry, AsOfStates.Source.KEPT)
            .flaggedHouseholdsAsOfPeriod(PERIOD);
    MartComparison comparison =
        MartComparison.compare(
            "household_flags",
            "key",
            MartTable.collect(
                spark.select(
                    columns(concat_ws("/", col("settlement_id"), col("household_code")), figures))),
            duckDb(
                "SELECT settlement_id || '/' || household_code AS key, "
                    + String.join(", ", figures)
                    + " FROM household_flags"));
    assertThat(comparison.report())
        .endsWith("agree on 59 rows × " + (figures.size() + 1) + " columns");
  }

  @Test
  void eachSettlementsHouseholdSumsAreTheSame() {
    List<Column> sums = HouseholdIndicators.sums();
    Dataset<Row> spark =
        new PackedAsOfStates(warehouse, registry, AsOfStates.Source.KEPT)
            .flaggedHouseholdsAsOfPeriod(PERIOD)
            .groupBy("settlement_id")
            .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    MartComparison comparison =
        MartComparison.compare(
            "household_sums",
            "settlement_id",
            MartTable.collect(spark),
            duckDb("SELECT * FROM household_sums"));
    assertThat(comparison.report())
        .endsWith(
            "agree on 2 rows × "
                + (org.tashil.aggregate.marts.IndicatorColumns.HOUSEHOLD_SUMS.size() + 1)
                + " columns");
  }

  @Test
  void eachDemandsVersionAndFlagsAreTheSame() {
    List<String> figures =
        List.of(
            "period",
            "source_line",
            "status",
            "is_new",
            "is_resolved",
            "is_rejected",
            "is_withdrawn",
            "is_open",
            "open_age",
            "days_to_resolve",
            "is_sla_met",
            "is_overdue");
    MartComparison comparison =
        MartComparison.compare(
            "demand_flags",
            "key",
            MartTable.collect(
                sparkDemandFlags()
                    .select(columns(concat_ws("/", col("office_id"), col("demand_id")), figures))),
            duckDb(
                "SELECT office_id || '/' || demand_id AS key, "
                    + String.join(", ", figures)
                    + " FROM demand_flags"));
    // Every made-up demand, and the five whose versions tie, come late or share an id.
    assertThat(comparison.report())
        .endsWith(
            "agree on " + (demandCount() + 5) + " rows × " + (figures.size() + 1) + " columns");
  }

  @Test
  void eachSettlementsDemandFiguresAreTheSame() {
    List<Column> aggregates = new ArrayList<>(DemandIndicators.sums());
    aggregates.addAll(DemandIndicators.statistics());
    Dataset<Row> spark =
        sparkDemandFlags()
            .groupBy("settlement_id")
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    MartComparison comparison =
        MartComparison.compare(
            "demand_sums",
            "settlement_id",
            MartTable.collect(spark),
            duckDb("SELECT * FROM demand_sums"));
    assertThat(comparison.report())
        .endsWith("agree on 4 rows × " + (aggregates.size() + 1) + " columns");
  }

  // ---------------------------------------------------------------------------------------------

  private static Dataset<Row> sparkDemandFlags() {
    return DemandIndicators.withFlags(
        new PackedAsOfStates(warehouse, registry, AsOfStates.Source.KEPT)
            .demandsAsOfPeriod(PERIOD)
            .join(
                new org.tashil.aggregate.marts.RegistryFrames(SparkTests.session(), registry)
                    .agencies()
                    .select("agency_id", "sla_days"),
                "agency_id"),
        PERIOD);
  }

  private static MartTable duckDb(String sql) {
    try (DuckDbSession session =
        DuckDbPeer.open(SparkTests.session(), warehouse, registry, PERIOD)) {
      return session.query(sql);
    }
  }

  private static Column[] columns(Column key, List<String> names) {
    List<Column> columns = new ArrayList<>(List.of(key.as("key")));
    names.forEach(name -> columns.add(col(name)));
    return columns.toArray(Column[]::new);
  }

  /** Writes made-up clean rows as a Delta table; a column a row leaves out is null. */
  private static void write(String table, StructType schema, List<Map<String, Object>> rows) {
    writeTo(warehouse, table, schema, rows);
  }

  private static Row row(StructType schema, Map<String, Object> row) {
    List<String> names = List.of(schema.fieldNames());
    assertThat(names).containsAll(row.keySet());
    return RowFactory.create(names.stream().map(row::get).toArray());
  }

  private static void writeTo(
      Warehouse warehouse, String table, StructType schema, List<Map<String, Object>> rows) {
    List<Row> values = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      values.add(row(schema, row));
    }
    SparkTests.session()
        .createDataFrame(values, schema)
        .write()
        .format("delta")
        .partitionBy(Tables.PERIOD, Tables.OFFICE_ID)
        .save(warehouse.path(table));
  }

  /**
   * 54 households that each differ from a household deprived of nothing in one value or a few, then
   * 5 re-surveyed ones (HR-1 to HR-5) whose versions tie or come late.
   */
  private static List<Map<String, Object>> households() {
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("surveyed_on", LocalDate.of(2026, 11, 1));
    none.put("members", 4);
    none.put("habitable_rooms", 2);
    none.put("head_sex", "f");
    none.put("head_age", 40);
    none.put("head_employed", "yes");
    none.put("water", "piped_dwelling");
    none.put("sanitation", "sewer");
    none.put("electricity", "metered");
    none.put("piped_gas", "yes");
    none.put("walls", "brick");
    none.put("tenure", "deed");
    none.put("children_6_17", 2);
    none.put("children_in_school", 2);
    none.put("insured_members", 4);
    none.put("hazard_zone", "no");
    List<Map<String, Object>> variants = new ArrayList<>();
    for (String column :
        List.of(
            "water",
            "sanitation",
            "electricity",
            "piped_gas",
            "walls",
            "tenure",
            "head_employed")) {
      for (String value :
          org.tashil.schema.OfficeDataset.HOUSEHOLDS
              .schema()
              .column(column)
              .orElseThrow()
              .values()) {
        variants.add(with(none, column, value));
      }
    }
    for (String consent :
        org.tashil.schema.OfficeDataset.HOUSEHOLDS
            .schema()
            .column("relocation_consent")
            .orElseThrow()
            .values()) {
      variants.add(with(with(none, "hazard_zone", "yes"), "relocation_consent", consent));
    }
    // Crowding: more than 3 persons a room, or no room; 3 a room is not crowded.
    int[][] membersAndRooms = {{3, 1}, {4, 1}, {6, 2}, {7, 2}, {1, 0}, {30, 10}, {30, 9}};
    for (int[] pair : membersAndRooms) {
      variants.add(
          with(
              with(with(none, "members", pair[0]), "habitable_rooms", pair[1]),
              "insured_members",
              pair[0]));
    }
    int[][] childrenInSchool = {{2, 1}, {0, 0}, {3, 0}};
    for (int[] pair : childrenInSchool) {
      variants.add(with(with(none, "children_6_17", pair[0]), "children_in_school", pair[1]));
    }
    variants.add(with(none, "insured_members", 3));
    variants.add(with(none, "insured_members", 0));
    // Gas 5 + schooling 10 + insurance 5 = 20/60, exactly the poverty line: poor.
    variants.add(
        with(with(with(none, "piped_gas", "no"), "children_in_school", 1), "insured_members", 3));
    // 15/60: not poor; 20/60 from four twelfths: poor.
    variants.add(
        with(with(with(none, "piped_gas", "no"), "insured_members", 3), "head_employed", "no"));
    variants.add(
        with(
            with(with(with(none, "electricity", "none"), "piped_gas", "no"), "insured_members", 3),
            "head_employed",
            "no"));
    Map<String, Object> everything = new LinkedHashMap<>(none);
    everything.putAll(
        Map.of(
            "water", "surface",
            "sanitation", "open",
            "habitable_rooms", 0,
            "walls", "tin",
            "tenure", "none",
            "electricity", "none",
            "piped_gas", "no",
            "children_in_school", 0,
            "insured_members", 0,
            "head_employed", "no"));
    variants.add(everything);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      rows.add(
          survey(
              variants.get(i),
              "HH-" + (1000 + i),
              i % 2 == 0 ? "T-001" : "T-002",
              "1405-08",
              i + 2));
    }
    // HR-1: the same day in 1405-07's and 1405-08's files: the later period's counts.
    rows.add(
        survey(
            with(none, "surveyed_on", LocalDate.of(2026, 10, 20)), "HR-1", "T-001", "1405-07", 2));
    rows.add(
        survey(
            with(with(none, "surveyed_on", LocalDate.of(2026, 10, 20)), "water", "tanker"),
            "HR-1",
            "T-001",
            "1405-08",
            80));
    // HR-2: the same day twice in one file: the later line counts.
    rows.add(survey(with(none, "walls", "mud"), "HR-2", "T-002", "1405-08", 81));
    rows.add(survey(none, "HR-2", "T-002", "1405-08", 82));
    // HR-3: an older survey sent late does not replace the newer one.
    rows.add(
        survey(
            with(with(none, "surveyed_on", LocalDate.of(2026, 10, 21)), "tenure", "none"),
            "HR-3",
            "T-001",
            "1405-07",
            3));
    rows.add(
        survey(
            with(none, "surveyed_on", LocalDate.of(2026, 10, 5)), "HR-3", "T-001", "1405-08", 83));
    // HR-4: 1405-09's file is not yet in at 1405-08, even for a survey made in 1405-08.
    rows.add(
        survey(
            with(with(none, "surveyed_on", LocalDate.of(2026, 11, 20)), "piped_gas", "no"),
            "HR-4",
            "T-002",
            "1405-09",
            2));
    rows.add(survey(none, "HR-4", "T-002", "1405-08", 84));
    // HR-5: the same day in two files of one month: the later file (by name) counts, whatever the
    // lines.
    rows.add(survey(with(none, "sanitation", "open"), "HR-5", "T-001", "1405-08", 85));
    rows.add(survey(none, "HR-5", "T-001", "1405-08", "households_2.csv", 5));
    return rows;
  }

  private static Map<String, Object> survey(
      Map<String, Object> values, String code, String settlement, String period, int line) {
    return survey(values, code, settlement, period, "households.csv", line);
  }

  private static Map<String, Object> survey(
      Map<String, Object> values,
      String code,
      String settlement,
      String period,
      String file,
      int line) {
    Map<String, Object> row = new LinkedHashMap<>(values);
    row.put("survey_id", "S-" + code + "-" + period + "-" + line);
    row.put("household_code", code);
    row.put("settlement_id", settlement);
    row.put(Tables.OFFICE_ID, "OF-A");
    row.put("source_file", file);
    row.put("source_line", line);
    row.put(Tables.PERIOD, period);
    return row;
  }

  private static int demandCount() {
    return org.tashil.schema.OfficeDataset.DEMANDS
            .schema()
            .column("status")
            .orElseThrow()
            .values()
            .size()
        * AGES.length
        * CLOSED_AFTER.length
        * 2;
  }

  /**
   * Every status × ages on each bucket's edges and each SLA's (10 and 30 days) × closed on no day
   * or so many days after registration, at both agencies; then 5 demands whose versions tie, come
   * late or share an id across offices.
   */
  private static List<Map<String, Object>> demands() {
    List<Map<String, Object>> rows = new ArrayList<>();
    int line = 2;
    for (String status :
        org.tashil.schema.OfficeDataset.DEMANDS.schema().column("status").orElseThrow().values()) {
      for (int age : AGES) {
        for (Integer closedAfter : CLOSED_AFTER) {
          for (String agency : List.of("ag-w", "ag-m")) {
            LocalDate registered = LAST.minusDays(age);
            LocalDate closed =
                closedAfter == null ? null : registered.plusDays(Math.min(closedAfter, age));
            rows.add(
                demand(
                    "D-" + line,
                    "T-00" + (1 + line % 4),
                    agency,
                    status,
                    registered,
                    closed,
                    closed == null ? registered : closed,
                    "OF-A",
                    "1405-08",
                    line));
            line++;
          }
        }
      }
    }
    LocalDate october20 = LocalDate.of(2026, 10, 20);
    LocalDate registered = LocalDate.of(2026, 9, 1);
    // V-1: updated the same day in 1405-07's and 1405-08's files: the later period's counts.
    rows.add(
        demand(
            "V-1",
            "T-001",
            "ag-w",
            "in_progress",
            registered,
            null,
            october20,
            "OF-A",
            "1405-07",
            2));
    rows.add(
        demand(
            "V-1",
            "T-001",
            "ag-w",
            "resolved",
            registered,
            october20,
            october20,
            "OF-A",
            "1405-08",
            900));
    // V-2: twice in one file on the same day: the later line counts.
    rows.add(
        demand(
            "V-2",
            "T-002",
            "ag-m",
            "referred",
            registered,
            null,
            october20,
            "OF-A",
            "1405-08",
            901));
    rows.add(
        demand(
            "V-2",
            "T-002",
            "ag-m",
            "withdrawn",
            registered,
            october20,
            october20,
            "OF-A",
            "1405-08",
            902));
    // V-3: resolved after the period's end, in 1405-09's file: still open at 1405-08's.
    rows.add(
        demand(
            "V-3",
            "T-001",
            "ag-m",
            "registered",
            registered,
            null,
            registered,
            "OF-A",
            "1405-08",
            903));
    rows.add(
        demand(
            "V-3",
            "T-001",
            "ag-m",
            "resolved",
            registered,
            LocalDate.of(2026, 11, 25),
            LocalDate.of(2026, 11, 25),
            "OF-A",
            "1405-09",
            2));
    // V-4: an older update sent late does not replace the newer one.
    rows.add(
        demand(
            "V-4",
            "T-003",
            "ag-w",
            "rejected",
            registered,
            october20,
            october20,
            "OF-A",
            "1405-07",
            3));
    rows.add(
        demand(
            "V-4",
            "T-003",
            "ag-w",
            "in_progress",
            registered,
            null,
            LocalDate.of(2026, 10, 1),
            "OF-A",
            "1405-08",
            904));
    // V-1 of another office is another demand.
    rows.add(
        demand(
            "V-1",
            "T-004",
            "ag-m",
            "registered",
            october20,
            null,
            october20,
            "OF-C",
            "1405-08",
            2));
    return rows;
  }

  private static Map<String, Object> demand(
      String id,
      String settlement,
      String agency,
      String status,
      LocalDate registered,
      LocalDate closed,
      LocalDate updated,
      String office,
      String period,
      int line) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("demand_id", id);
    row.put("settlement_id", settlement);
    row.put("registered_on", registered);
    row.put("category", "water");
    row.put("agency_id", agency);
    row.put("households_affected", 1 + line % 7);
    row.put("priority", "normal");
    row.put("status", status);
    row.put("closed_on", closed);
    row.put("updated_on", updated);
    row.put(Tables.OFFICE_ID, office);
    row.put("source_file", "demands.csv");
    row.put("source_line", line);
    row.put(Tables.PERIOD, period);
    return row;
  }

  private static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(row);
    copy.put(column, value);
    return copy;
  }
}
