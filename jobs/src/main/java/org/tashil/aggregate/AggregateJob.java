package org.tashil.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil aggregate}: every mart of contract §5.5 for one period, from the clean tables of
 * all periods up to it. Settlement, county and province figures come from one rollup over the same
 * households and demands, so a county's share is a ratio of its sums, never an average of shares.
 */
public final class AggregateJob {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AggregateJob.class);

  /**
   * The marts, in the order they are written ({@code trend} reads the period's settlement rows).
   */
  public static final List<String> MARTS =
      List.of(
          "settlement_month",
          "county_month",
          "province_month",
          "category_month",
          "agency_month",
          "office_month",
          "open_demands",
          "quarantine_reasons",
          "trend");

  /** How many of each settlement's oldest open demands {@code open_demands} keeps. */
  public static final int OLDEST_OPEN_KEPT = 10;

  /** The demand categories, as the demands schema defines them. */
  public static final List<String> CATEGORIES =
      org.tashil.schema.OfficeDataset.DEMANDS.schema().column("category").orElseThrow().values();

  private static final int TREND_PERIODS = 12;

  private final SparkSession spark;
  private final Registry registry;
  private final Warehouse warehouse;
  private final int onTimeDays;

  public AggregateJob(SparkSession spark, Registry registry, Warehouse warehouse, int onTimeDays) {
    this.spark = spark;
    this.registry = registry;
    this.warehouse = warehouse;
    this.onTimeDays = onTimeDays;
  }

  /**
   * What one aggregate wrote: the milliseconds each mart took to compute and write, and the rows
   * written, by table ({@code marts/<mart>}, and the period's {@code submissions} it read), which
   * render can take as they are instead of reading them back.
   */
  public record Result(Period period, Map<String, Long> millis, Map<String, List<Row>> tables) {}

  /**
   * Aggregates the period of {@code ingested}: what ingest committed of the period's small tables,
   * handed over by the ingest of the same run ({@link org.tashil.ingest.IngestJob.Result#rows()})
   * or read back from the warehouse ({@link org.tashil.ingest.IngestedRows#read}).
   */
  public Result run(org.tashil.ingest.IngestedRows ingested) {
    requireIngested();
    return inOneGroup(ingested.period(), () -> aggregate(ingested));
  }

  /** The period's marts, seen by readers together or not at all ({@link Warehouse#group}). */
  private Result inOneGroup(Period period, Warehouse.Writes<Result> marts) {
    try {
      return warehouse.group("aggregate " + period, marts);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Result aggregate(org.tashil.ingest.IngestedRows ingested) {
    Period period = ingested.period();
    long started = System.nanoTime();
    RegistryFrames frames = new RegistryFrames(spark, registry);
    Dataset<Row> placement = frames.settlements().select("settlement_id", "county_en");

    // Each pick first numbers its versions' sources (a small job): the two side by side.
    List<Dataset<Row>> states =
        Parallel.all(
            List.of(
                () ->
                    AsOf.flaggedHouseholdsAsOfPeriod(
                        warehouse, registry, period, AsOf.Source.DROPPED),
                () -> AsOf.demandsAsOfPeriod(warehouse, registry, period, AsOf.Source.DROPPED)));
    Dataset<Row> households = states.get(0).join(placement, "settlement_id");
    // Only the states a figure of the period counts are kept in memory for the rollups: at scale
    // 10, most demands were closed in earlier periods.
    Dataset<Row> demands =
        DemandIndicators.withFlags(
                states.get(1).join(frames.agencies().select("agency_id", "sla_days"), "agency_id"),
                period)
            .where(DemandIndicators.counted())
            .drop("closed_on", "sla_days")
            .join(placement, "settlement_id")
            .cache();
    Dataset<Row> quarantined = quarantinedRows(ingested);
    Dataset<Row> activities = ingested.table("clean/activities").join(placement, "settlement_id");

    // The medians and 90th percentiles need every resolved demand of a level, not its settlements'
    // figures: rolled up on their own, and joined to the levels, which hold every level with a
    // resolved demand (a resolved demand is counted in the demand sums). Joined by hash in the
    // levels' own job: a broadcast would be a job of its own, which picks the demands before the
    // households instead of beside them.
    Dataset<Row> statistics =
        rolledUp(demands.where(DemandIndicators.resolved()), DemandIndicators.percentiles());
    Dataset<Row> levels =
        statisticsAfterOldest(
                levels(
                        List.of(
                            new Part(households, HouseholdIndicators.sums(), List.of()),
                            new Part(
                                demands,
                                DemandIndicators.sums(),
                                List.of(DemandIndicators.oldest())),
                            new Part(activities, activitySums(), List.of()),
                            new Part(
                                rowsByDataset(ingested, quarantined, placement),
                                rowSums(),
                                List.of())))
                    .join(statistics.hint("shuffle_hash"), new String[] {"level", "key"}, "left"),
                statistics)
            .cache();

    LOG.debug("{}: as-of plans ready in {} ms", period, (System.nanoTime() - started) / 1_000_000);
    List<Row> submissions = ingested.table("submissions").collectAsList();
    Dataset<Row> offices = OfficeMonth.build(spark, registry, period, submissions, onTimeDays);

    LOG.debug(
        "{}: office figures ready in {} ms", period, (System.nanoTime() - started) / 1_000_000);
    // The trend's earlier months, read before this month's marts are written: the state of the
    // tables read is then the one their writes need, not one more.
    List<Row> earlierTrend = earlierTrend(period);
    Map<String, List<Row>> tables = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    Map<String, org.apache.spark.sql.types.StructType> schemas =
        java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    // Built when written: the trend takes this month's settlement and province rows as written.
    Map<String, Supplier<Dataset<Row>>> marts = new LinkedHashMap<>();
    marts.put("settlement_month", () -> settlementMonth(frames, levels));
    marts.put("county_month", () -> countyMonth(frames, levels));
    marts.put("province_month", () -> provinceMonth(frames, levels, offices));
    marts.put("category_month", () -> categoryMonth(frames, demands));
    marts.put("agency_month", () -> agencyMonth(frames, demands));
    marts.put("office_month", () -> offices);
    marts.put("open_demands", () -> openDemands(frames, demands));
    marts.put("quarantine_reasons", () -> quarantineReasons(quarantined));
    marts.put("trend", () -> trend(period, tables, schemas, earlierTrend));
    Map<String, Long> millis = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    java.util.function.Consumer<String> write =
        mart -> {
          long start = System.nanoTime();
          Dataset<Row> rows = marts.get(mart).get();
          if (!java.util.Arrays.asList(rows.columns()).contains(Tables.PERIOD)) {
            rows = rows.withColumn(Tables.PERIOD, lit(period.toString()));
          }
          // A mart is small: computed once into memory, written from there, and kept for render.
          String table = "marts/" + mart;
          schemas.put(table, rows.schema());
          tables.put(table, warehouse.replacePeriodInMemory(table, period, rows));
          millis.put(mart, (System.nanoTime() - start) / 1_000_000);
        };
    try {
      // settlement_month first: it fills the cached levels and demands the others read; then the
      // marts that depend only on those, side by side; the trend last, from the marts written.
      write.accept(MARTS.get(0));
      List<Runnable> independent = new ArrayList<>();
      for (String mart : MARTS.subList(1, MARTS.size() - 1)) {
        independent.add(() -> write.accept(mart));
      }
      Parallel.run(independent);
      write.accept(MARTS.get(MARTS.size() - 1));
    } finally {
      demands.unpersist();
      levels.unpersist();
    }
    Map<String, Long> inOrder = new LinkedHashMap<>();
    Map<String, List<Row>> tablesInOrder = new LinkedHashMap<>();
    for (String mart : MARTS) {
      inOrder.put(mart, millis.get(mart));
      tablesInOrder.put("marts/" + mart, tables.get("marts/" + mart));
    }
    tablesInOrder.put("submissions", submissions);
    return new Result(
        period,
        java.util.Collections.unmodifiableMap(inOrder),
        java.util.Collections.unmodifiableMap(tablesInOrder));
  }

  private void requireIngested() {
    for (String table :
        List.of("clean/households", "clean/demands", "clean/activities", "submissions")) {
      if (!warehouse.exists(table)) {
        throw new IllegalStateException(
            "the warehouse has no " + table + " table yet: run tashil ingest first");
      }
    }
  }

  /**
   * Rows to aggregate by settlement ({@code county_en}, {@code settlement_id}): {@code sums}
   * (counts and sums) and {@code maxima}.
   */
  private record Part(Dataset<Row> rows, List<Column> sums, List<Column> maxima) {}

  /**
   * The settlement rows, each county's row and the province's row of every part's {@code sums} and
   * {@code maxima}, told apart by {@code level} and named by {@code key}; a part without rows at a
   * level leaves its columns null there. Each part's rows are aggregated once, by settlement; the
   * parts' settlement rows are then stacked, and each settlement, county and the province adds up
   * (or takes the greatest of) its settlement rows, which is the same as aggregating its rows. One
   * rollup, not one per part joined to the others.
   */
  private static Dataset<Row> levels(List<Part> parts) {
    Dataset<Row> stacked = null;
    List<Column> combined = new ArrayList<>();
    for (Part part : parts) {
      List<Column> all = new ArrayList<>(part.sums());
      all.addAll(part.maxima());
      Dataset<Row> bySettlement =
          part.rows()
              .groupBy(col("county_en"), col("settlement_id"))
              .agg(all.get(0), all.subList(1, all.size()).toArray(Column[]::new));
      org.apache.spark.sql.types.StructField[] fields = bySettlement.schema().fields();
      for (int i = 0; i < all.size(); i++) {
        org.apache.spark.sql.types.StructField field = fields[i + 2];
        Column values = col(field.name());
        combined.add(
            (i < part.sums().size() ? sum(values).cast(field.dataType()) : max(values))
                .as(field.name()));
      }
      stacked = stacked == null ? bySettlement : stacked.unionByName(bySettlement, true);
    }
    return rolledUp(stacked, combined);
  }

  /**
   * The levels' columns with the medians and 90th percentiles beside the oldest open demand's age,
   * where the marts have always had them.
   */
  private static Dataset<Row> statisticsAfterOldest(Dataset<Row> levels, Dataset<Row> statistics) {
    List<String> names = new ArrayList<>(List.of(statistics.columns()));
    names.removeAll(List.of("level", "key"));
    List<String> order = new ArrayList<>(List.of(levels.columns()));
    order.removeAll(names);
    order.addAll(order.indexOf("oldest_open_days") + 1, names);
    return levels.select(order.stream().map(name -> col(name)).toArray(Column[]::new));
  }

  /**
   * One rollup over (county, settlement): the settlement rows, each county's row and the province's
   * row, told apart by {@code level} and named by {@code key}.
   */
  private static Dataset<Row> rolledUp(Dataset<Row> rows, List<Column> aggregates) {
    List<Column> all = new ArrayList<>(aggregates);
    Column first = grouping_id().as("grouping");
    return rows.rollup(col("county_en"), col("settlement_id"))
        .agg(first, all.toArray(Column[]::new))
        .withColumn(
            "level",
            when(col("grouping").equalTo(0), lit("settlement"))
                .when(col("grouping").equalTo(1), lit("county"))
                .otherwise(lit("province")))
        .withColumn(
            "key",
            when(col("grouping").equalTo(0), col("settlement_id"))
                .when(col("grouping").equalTo(1), col("county_en"))
                .otherwise(lit("province")))
        .where(col("key").isNotNull())
        .drop("grouping", "county_en", "settlement_id");
  }

  private static List<Column> activitySums() {
    return List.of(
        count(lit(1)).cast("int").as("activities"),
        sum("participants").cast("long").as("participants"),
        sum("women_participants").cast("long").as("women_participants"));
  }

  /**
   * The period's rows counted by settlement (as each row names it), dataset and whether they were
   * accepted: {@code settlement_id}, {@code dataset}, {@code accepted} (1 or 0), {@code rows}.
   */
  private static Dataset<Row> rowsByDataset(
      org.tashil.ingest.IngestedRows ingested, Dataset<Row> quarantined, Dataset<Row> placement) {
    Dataset<Row> rows =
        quarantined
            .select(
                col("written_settlement").as("settlement_id"),
                col("dataset"),
                lit(0).as("accepted"),
                lit(1L).as("rows"))
            .unionByName(
                ingested
                    .accepted()
                    .select(
                        col("settlement_id"), col("dataset"), lit(1).as("accepted"), col("rows")));
    return rows.join(placement, new String[] {"settlement_id"}, "left");
  }

  /**
   * The period's quarantined rows of every dataset: office, the settlement as the row writes it,
   * dataset, reason and column; for the row counts and for {@code quarantine_reasons}.
   */
  private static Dataset<Row> quarantinedRows(org.tashil.ingest.IngestedRows ingested) {
    Dataset<Row> all = null;
    for (org.tashil.schema.OfficeDataset dataset : org.tashil.schema.OfficeDataset.values()) {
      Dataset<Row> rows =
          ingested
              .table("quarantine/" + dataset.tableName())
              .select(
                  col(Tables.OFFICE_ID),
                  upper(trim(col("raw").getItem("settlement_id"))).as("written_settlement"),
                  lit(dataset.tableName()).as("dataset"),
                  col("reason"),
                  col("column"));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  private static List<Column> rowSums() {
    List<Column> sums = new ArrayList<>();
    for (String name : rowColumns()) {
      String dataset = name.substring(name.lastIndexOf('_') + 1);
      int accepted = name.startsWith("rows_accepted") ? 1 : 0;
      sums.add(
          sum(when(
                      col("dataset").equalTo(dataset).and(col("accepted").equalTo(accepted)),
                      col("rows"))
                  .otherwise(0L))
              .cast("int")
              .as(name));
    }
    return sums;
  }

  private static List<String> rowColumns() {
    List<String> names = new ArrayList<>();
    for (org.tashil.schema.OfficeDataset dataset : org.tashil.schema.OfficeDataset.values()) {
      names.add("rows_accepted_" + dataset.tableName());
      names.add("rows_quarantined_" + dataset.tableName());
    }
    return names;
  }

  /** Every count of a level; zero, never null, for an entity without data. */
  private static String[] countColumns() {
    List<String> names = new ArrayList<>(HouseholdIndicators.sumColumns());
    names.addAll(DemandIndicators.sumColumns());
    names.addAll(List.of("activities", "participants", "women_participants"));
    names.addAll(rowColumns());
    return names.toArray(String[]::new);
  }

  private static Dataset<Row> indicators(Dataset<Row> entities, Dataset<Row> levels, String level) {
    Dataset<Row> joined =
        entities
            .join(
                levels
                    .where(col("level").equalTo(level))
                    .drop("level")
                    .withColumnRenamed("key", "level_key"),
                col("key").equalTo(col("level_key")),
                "left")
            .drop("key", "level_key")
            .na()
            .fill(0, countColumns());
    return DemandIndicators.derived(HouseholdIndicators.derived(joined));
  }

  private static Dataset<Row> settlementMonth(RegistryFrames frames, Dataset<Row> levels) {
    Dataset<Row> entities = frames.settlements().withColumn("key", col("settlement_id"));
    return indicators(entities, levels, "settlement");
  }

  private static Dataset<Row> countyMonth(RegistryFrames frames, Dataset<Row> levels) {
    Dataset<Row> counties =
        frames
            .settlements()
            .groupBy("county_en", "county_fa")
            .agg(
                count(lit(1)).cast("int").as("settlements"),
                sum("est_households").cast("int").as("est_households"),
                sum("est_population").cast("int").as("est_population"))
            .withColumn("key", col("county_en"));
    return indicators(counties, levels, "county");
  }

  private static Dataset<Row> provinceMonth(
      RegistryFrames frames, Dataset<Row> levels, Dataset<Row> offices) {
    Dataset<Row> province =
        frames
            .settlements()
            .agg(
                count(lit(1)).cast("int").as("settlements"),
                sum("est_households").cast("int").as("est_households"),
                sum("est_population").cast("int").as("est_population"))
            .withColumn("key", lit("province"));
    Dataset<Row> completeness =
        offices
            .where(col("active"))
            .agg(
                count(lit(1)).cast("int").as("active_offices"),
                Shares.countWhere(col("demands_arrived")).as("offices_sent_demands"),
                Shares.countWhere(col("demands_on_time")).as("offices_on_time"))
            .withColumn(
                "completeness", Shares.ratio(col("offices_sent_demands"), col("active_offices")))
            .withColumn("timeliness", Shares.ratio(col("offices_on_time"), col("active_offices")));
    return indicators(province, levels, "province").crossJoin(completeness);
  }

  private static Dataset<Row> categoryMonth(RegistryFrames frames, Dataset<Row> demands) {
    Dataset<Row> counts =
        demands
            .groupBy("settlement_id", "category")
            .agg(
                DemandIndicators.flagged("is_new").as("demands_new"),
                DemandIndicators.flagged("is_resolved").as("demands_resolved"),
                DemandIndicators.flagged("is_open").as("demands_open"));
    Dataset<Row> categories =
        frames
            .settlements()
            .select("settlement_id")
            .crossJoin(
                org.apache.spark.sql.functions.broadcast(
                    demands
                        .sparkSession()
                        .createDataset(CATEGORIES, org.apache.spark.sql.Encoders.STRING())
                        .toDF("category")));
    return categories
        .join(counts, new String[] {"settlement_id", "category"}, "left")
        .na()
        .fill(0, new String[] {"demands_new", "demands_resolved", "demands_open"});
  }

  private static Dataset<Row> agencyMonth(RegistryFrames frames, Dataset<Row> demands) {
    List<Column> aggregates = new ArrayList<>(DemandIndicators.sums());
    aggregates.addAll(DemandIndicators.statistics());
    Dataset<Row> byAgency =
        demands
            .groupBy("agency_id")
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    return DemandIndicators.derived(
        frames
            .agencies()
            .join(byAgency, new String[] {"agency_id"}, "left")
            .na()
            .fill(0, DemandIndicators.sumColumns().toArray(String[]::new)));
  }

  /**
   * Each settlement's oldest open demands at the period's end, oldest first (ties by office and
   * id): what the settlement report lists. Never the summary text.
   */
  private static Dataset<Row> openDemands(RegistryFrames frames, Dataset<Row> demands) {
    org.apache.spark.sql.expressions.WindowSpec oldestFirst =
        org.apache.spark.sql.expressions.Window.partitionBy("settlement_id")
            .orderBy(col("open_age").desc(), col(Tables.OFFICE_ID), col("demand_id"));
    return demands
        .where(col("is_open").equalTo(1))
        .withColumn("rank", org.apache.spark.sql.functions.row_number().over(oldestFirst))
        .where(col("rank").leq(OLDEST_OPEN_KEPT))
        .join(
            frames
                .agencies()
                .select(
                    col("agency_id"),
                    col("name_fa").as("agency_name_fa"),
                    col("name_en").as("agency_name_en")),
            "agency_id")
        .select(
            col("settlement_id"),
            col("rank").cast("int").as("rank"),
            col(Tables.OFFICE_ID),
            col("demand_id"),
            col("category"),
            col("agency_id"),
            col("agency_name_fa"),
            col("agency_name_en"),
            col("priority"),
            col("status"),
            col("registered_on"),
            col("open_age").cast("int").as("days_open"),
            col("households_affected"));
  }

  /**
   * The period's quarantined rows counted by office, settlement (as the row names it, when the
   * registry knows it), dataset and reason: the reports' data-quality notes.
   */
  private Dataset<Row> quarantineReasons(Dataset<Row> all) {
    Dataset<Row> known =
        spark
            .createDataset(
                registry.settlements().stream().map(s -> s.id()).toList(),
                org.apache.spark.sql.Encoders.STRING())
            .toDF("settlement_id");
    return all.join(
            org.apache.spark.sql.functions.broadcast(known),
            col("written_settlement").equalTo(col("settlement_id")),
            "left")
        .groupBy(
            col(Tables.OFFICE_ID),
            col("settlement_id"),
            col("dataset"),
            col("reason"),
            col("column"))
        .agg(count(lit(1)).cast("int").as("rows"));
  }

  /**
   * The trend's rows of the 11 periods before this one, from the settlement and province marts
   * (collected: they are read before this period's marts replace theirs).
   */
  private List<Row> earlierTrend(Period period) {
    String first = period.minusMonths(TREND_PERIODS - 1).toString();
    Column window =
        col(Tables.PERIOD).geq(lit(first)).and(col(Tables.PERIOD).lt(lit(period.toString())));
    Dataset<Row> earlier = null;
    for (String mart : List.of("settlement_month", "province_month")) {
      if (warehouse.exists("marts/" + mart)) {
        Dataset<Row> rows = trendRows(warehouse.read("marts/" + mart).where(window), mart);
        earlier = earlier == null ? rows : earlier.unionByName(rows);
      }
    }
    return earlier == null ? List.of() : earlier.collectAsList();
  }

  /**
   * For each settlement and the province, the last 12 periods' figures: this period's from the rows
   * just written, the earlier ones as read before.
   */
  private Dataset<Row> trend(
      Period period,
      Map<String, List<Row>> tables,
      Map<String, org.apache.spark.sql.types.StructType> schemas,
      List<Row> earlier) {
    Dataset<Row> trend = null;
    for (String mart : List.of("settlement_month", "province_month")) {
      String table = "marts/" + mart;
      Dataset<Row> rows =
          trendRows(spark.createDataFrame(tables.get(table), schemas.get(table)), mart);
      trend = trend == null ? rows : trend.unionByName(rows);
    }
    if (!earlier.isEmpty()) {
      trend = trend.unionByName(spark.createDataFrame(earlier, earlier.get(0).schema()));
    }
    return trend.withColumn(Tables.PERIOD, lit(period.toString()));
  }

  /** The trend's columns of settlement_month or province_month rows. */
  private static Dataset<Row> trendRows(Dataset<Row> rows, String mart) {
    boolean province = mart.equals("province_month");
    List<Column> columns = new ArrayList<>();
    columns.add(lit(province ? "province" : "settlement").as("scope"));
    columns.add(province ? lit(null).cast("string").as("settlement_id") : col("settlement_id"));
    columns.add(col(Tables.PERIOD).as("trend_period"));
    for (String figure :
        List.of("demands_new", "demands_resolved", "demands_open", "slum_households_share", "m0")) {
      columns.add(col(figure));
    }
    return rows.select(columns.toArray(Column[]::new));
  }
}
