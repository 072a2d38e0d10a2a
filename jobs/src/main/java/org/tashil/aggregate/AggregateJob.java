package org.tashil.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tashil.aggregate.intermediate.CarriedStates;
import org.tashil.aggregate.marts.AgencyMonth;
import org.tashil.aggregate.marts.AgencyTrend;
import org.tashil.aggregate.marts.CategoryMonth;
import org.tashil.aggregate.marts.CountyMonth;
import org.tashil.aggregate.marts.FileArrivals;
import org.tashil.aggregate.marts.Levels;
import org.tashil.aggregate.marts.Mart;
import org.tashil.aggregate.marts.MartColumns;
import org.tashil.aggregate.marts.OfficeAgencyMonth;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.aggregate.marts.OfficeReasons;
import org.tashil.aggregate.marts.OpenDemands;
import org.tashil.aggregate.marts.ProvinceCategoryMonth;
import org.tashil.aggregate.marts.ProvinceMonth;
import org.tashil.aggregate.marts.QualityFlags;
import org.tashil.aggregate.marts.QuarantineReasons;
import org.tashil.aggregate.marts.QuarantinedRows;
import org.tashil.aggregate.marts.RegistryFrames;
import org.tashil.aggregate.marts.SettlementMonth;
import org.tashil.aggregate.marts.Trend;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestedRows;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil aggregate}: every mart of contract §5.5 for one period, from the clean tables of
 * all periods up to it. What each mart holds and how it is computed is its class in {@link
 * org.tashil.aggregate.marts}; this class says in what order they are computed, what is kept in
 * memory meanwhile, what runs side by side, and writes them in one group of commits.
 */
public final class AggregateJob {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AggregateJob.class);

  /** The marts' names ({@code marts/<name>}), in the order they are written. */
  public static final List<String> MARTS = Mart.names();

  /** Every table an aggregate writes: the states, then the marts. */
  public static final List<String> TABLES = tables();

  private final SparkSession spark;
  private final Registry registry;
  private final Warehouse warehouse;
  private final int onTimeDays;
  private final boolean fromScratch;

  public AggregateJob(SparkSession spark, Registry registry, Warehouse warehouse, int onTimeDays) {
    this(spark, registry, warehouse, onTimeDays, false);
  }

  /**
   * @param fromScratch pick each period's states from every version instead of carrying them from
   *     the previous period's ({@link CarriedStates})
   */
  public AggregateJob(
      SparkSession spark,
      Registry registry,
      Warehouse warehouse,
      int onTimeDays,
      boolean fromScratch) {
    this.spark = spark;
    this.registry = registry;
    this.warehouse = warehouse;
    this.onTimeDays = onTimeDays;
    this.fromScratch = fromScratch;
  }

  /**
   * What one aggregate wrote: whether each state was carried and the milliseconds the states took
   * to make and write; the milliseconds each mart took to compute and write, and the rows written,
   * by table ({@code marts/<mart>}, and the period's {@code submissions} it read), which render can
   * take as they are instead of reading them back.
   */
  public record Result(
      Period period,
      Map<String, Long> millis,
      Map<String, List<Row>> tables,
      Map<String, Boolean> statesCarried,
      long statesMillis) {}

  /**
   * Aggregates the period of {@code ingested}: what ingest committed of the period's small tables,
   * handed over by the ingest of the same run ({@link org.tashil.ingest.IngestJob.Result#rows()})
   * or read back from the warehouse ({@link org.tashil.ingest.IngestedRows#read}).
   */
  public Result run(IngestedRows ingested) {
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

  private Result aggregate(IngestedRows ingested) {
    long started = System.nanoTime();
    // The states at the period's end, carried from the previous period's or picked from every
    // version, written with the marts; and the previous period's demands, that its balance opens
    // with. What they hold in memory is freed when the marts are written, or fail.
    try (CarriedStates.States states =
        new CarriedStates(warehouse, registry, fromScratch).advance(ingested.period())) {
      return marts(ingested, states, (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** The period's marts from its states, written. */
  private Result marts(IngestedRows ingested, CarriedStates.States states, long statesMillis) {
    Period period = ingested.period();
    long started = System.nanoTime();
    RegistryFrames frames = new RegistryFrames(spark, registry);
    Dataset<Row> placement =
        frames
            .settlements()
            .select(SettlementMonth.SETTLEMENT_ID.col(), SettlementMonth.COUNTY_EN.col());
    Dataset<Row> households = states.households().join(placement, "settlement_id");
    // Only the states a figure of the period counts are kept in memory for the rollups: at scale
    // 10, most demands were closed in earlier periods.
    Dataset<Row> demands =
        DemandIndicators.withFlags(
                states
                    .demands()
                    .join(frames.agencies().select("agency_id", "sla_days"), "agency_id"),
                period)
            .where(DemandIndicators.counted())
            .drop("closed_on", "sla_days")
            .join(placement, "settlement_id")
            .cache();
    Dataset<Row> quarantined = QuarantineReasons.quarantined(ingested);
    Dataset<Row> activities = ingested.table("clean/activities").join(placement, "settlement_id");
    Dataset<Row> previousDemands =
        states
            .previousDemands()
            .join(frames.agencies().select("agency_id"), "agency_id")
            .join(placement, "settlement_id");
    Dataset<Row> levels =
        Levels.of(
                households,
                demands,
                activities,
                Levels.periodRows(ingested, quarantined, placement),
                DemandIndicators.balanceParts(previousDemands, demands))
            .cache();

    LOG.debug("{}: as-of plans ready in {} ms", period, (System.nanoTime() - started) / 1_000_000);
    List<Row> submissions = ingested.table("submissions").collectAsList();
    Dataset<Row> offices = OfficeMonth.build(spark, registry, period, submissions, onTimeDays);
    Dataset<Row> lastDemandsFiles = FileArrivals.lastDemandsFiles(warehouse, period, offices);
    LOG.debug(
        "{}: office figures ready in {} ms", period, (System.nanoTime() - started) / 1_000_000);
    // The trend's earlier months, read before this month's marts are written: the state of the
    // tables read is then the one their writes need, not one more.
    List<Row> earlierTrend = earlierTrend(period);
    List<Row> earlierAgencyTrend = earlierAgencyTrend(period);
    Earlier earlier = earlier(period);

    Map<String, Written> written = new LinkedHashMap<>();
    try {
      // settlement_month first: it fills the cached levels and demands the others read.
      written.put(
          SettlementMonth.NAME,
          write(
              period,
              SettlementMonth.NAME,
              () -> SettlementMonth.build(period, frames, levels, offices, lastDemandsFiles)));
      // Then the marts that read only those, side by side.
      Map<String, Supplier<Dataset<Row>>> independent = new LinkedHashMap<>();
      independent.put(CountyMonth.NAME, () -> CountyMonth.build(period, frames, levels, offices));
      independent.put(
          ProvinceMonth.NAME, () -> ProvinceMonth.build(period, frames, levels, offices));
      independent.put(CategoryMonth.NAME, () -> CategoryMonth.build(period, frames, demands));
      independent.put(AgencyMonth.NAME, () -> AgencyMonth.build(period, frames, demands));
      independent.put(OfficeMonth.NAME, () -> offices);
      independent.put(OpenDemands.NAME, () -> OpenDemands.build(period, frames, demands));
      independent.put(
          QuarantineReasons.NAME,
          () -> QuarantineReasons.build(spark, registry, period, quarantined));
      independent.put(QuarantinedRows.NAME, () -> QuarantinedRows.build(period, ingested));
      independent.put(
          OfficeAgencyMonth.NAME, () -> OfficeAgencyMonth.build(period, frames, demands));
      written.putAll(
          Parallel.each(
              List.copyOf(independent.keySet()),
              mart -> write(period, mart, independent.get(mart))));
    } finally {
      demands.unpersist();
      levels.unpersist();
    }
    // Last, the marts made of the rows just written, side by side.
    Map<String, Supplier<Dataset<Row>>> fromWritten = new LinkedHashMap<>();
    fromWritten.put(
        ProvinceCategoryMonth.NAME,
        () -> ProvinceCategoryMonth.build(spark, period, written.get(CategoryMonth.NAME).rows()));
    fromWritten.put(
        Trend.NAME,
        () -> {
          List<Dataset<Row>> parts = new java.util.ArrayList<>();
          parts.add(Trend.ofSettlements(written.get(SettlementMonth.NAME).frame(spark)));
          parts.add(Trend.ofProvince(written.get(ProvinceMonth.NAME).frame(spark)));
          if (!earlierTrend.isEmpty()) {
            parts.add(spark.createDataFrame(earlierTrend, earlierTrend.get(0).schema()));
          }
          return Trend.build(period, parts);
        });
    fromWritten.put(
        AgencyTrend.NAME,
        () ->
            AgencyTrend.build(
                period,
                AgencyTrend.ofAgencies(written.get(AgencyMonth.NAME).frame(spark)),
                earlierAgencyTrend.isEmpty()
                    ? null
                    : spark.createDataFrame(
                        earlierAgencyTrend, earlierAgencyTrend.get(0).schema())));
    fromWritten.put(
        OfficeReasons.NAME,
        () ->
            OfficeReasons.build(
                spark,
                period,
                written.get(QuarantineReasons.NAME).rows(),
                earlier.previousReasons()));
    fromWritten.put(
        QualityFlags.NAME,
        () ->
            QualityFlags.build(
                spark,
                period,
                withEarlier(written.get(SettlementMonth.NAME), earlier.settlements()),
                withEarlier(written.get(OfficeMonth.NAME), earlier.offices())));
    written.putAll(
        Parallel.each(
            List.copyOf(fromWritten.keySet()), mart -> write(period, mart, fromWritten.get(mart))));

    Map<String, Long> millis = new LinkedHashMap<>();
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    for (Mart mart : Mart.values()) {
      millis.put(mart.martName(), written.get(mart.martName()).millis());
      tables.put(mart.table(), written.get(mart.martName()).rows());
    }
    tables.put("submissions", submissions);
    return new Result(
        period,
        java.util.Collections.unmodifiableMap(millis),
        java.util.Collections.unmodifiableMap(tables),
        states.carried(),
        statesMillis);
  }

  /** A mart written: its rows, kept for render and for the marts made of them, and its time. */
  private record Written(List<Row> rows, StructType schema, long millis) {

    Written {
      rows = List.copyOf(rows);
      java.util.Objects.requireNonNull(schema, "schema");
    }

    Dataset<Row> frame(SparkSession spark) {
      return spark.createDataFrame(rows, schema);
    }
  }

  /**
   * Computes one mart and writes it. A mart is small: computed once into memory, written from
   * there.
   */
  private Written write(Period period, String mart, Supplier<Dataset<Row>> rows) {
    long start = System.nanoTime();
    Dataset<Row> computed = rows.get();
    List<Row> written = warehouse.replacePeriodInMemory("marts/" + mart, period, computed);
    return new Written(written, computed.schema(), (System.nanoTime() - start) / 1_000_000);
  }

  private static List<String> tables() {
    List<String> tables = new java.util.ArrayList<>(CarriedStates.tables());
    MARTS.forEach(mart -> tables.add("marts/" + mart));
    return List.copyOf(tables);
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
   * What the marts made of earlier periods read of them: the {@link QualityFlags} inputs of the
   * settlement and office marts of the 12 periods before, and the previous period's {@code
   * quarantine_reasons} rows (null when that period was never aggregated).
   */
  private record Earlier(List<Row> settlements, List<Row> offices, List<Row> previousReasons) {}

  /**
   * The earlier periods' rows the quality flags and the office reasons compare this period's with
   * (collected: they are read before this period's marts replace theirs).
   */
  private Earlier earlier(Period period) {
    List<Row> settlements = List.of();
    List<Row> offices = List.of();
    List<Row> previousReasons = null;
    if (warehouse.exists(Mart.SETTLEMENT_MONTH.table())
        && warehouse.exists(Mart.OFFICE_MONTH.table())) {
      settlements =
          QualityFlags.inputs(
                  warehouse.readPeriods(
                      Mart.SETTLEMENT_MONTH.table(), QualityFlags.historyPeriods(period)),
                  QualityFlags.SETTLEMENT_INPUTS)
              .collectAsList();
      offices =
          QualityFlags.inputs(
                  warehouse.readPeriods(
                      Mart.OFFICE_MONTH.table(), QualityFlags.historyPeriods(period)),
                  QualityFlags.OFFICE_INPUTS)
              .collectAsList();
    }
    String previous = period.minusMonths(1).toString();
    boolean previousAggregated =
        offices.stream().anyMatch(row -> previous.equals(row.getAs(MartColumns.PERIOD.name())));
    if (previousAggregated && warehouse.exists(Mart.QUARANTINE_REASONS.table())) {
      previousReasons =
          warehouse
              .readPeriod(Mart.QUARANTINE_REASONS.table(), period.minusMonths(1))
              .collectAsList();
    }
    return new Earlier(settlements, offices, previousReasons);
  }

  /** A mart's rows of this period, as just written, and the earlier periods' rows. */
  private static List<Row> withEarlier(Written written, List<Row> earlier) {
    List<Row> rows = new java.util.ArrayList<>(written.rows());
    rows.addAll(earlier);
    return rows;
  }

  /**
   * The trend's rows of the periods before this one, from the settlement and province marts
   * (collected: they are read before this period's marts replace theirs).
   */
  private List<Row> earlierTrend(Period period) {
    Dataset<Row> earlier = null;
    for (String mart : List.of(SettlementMonth.NAME, ProvinceMonth.NAME)) {
      if (warehouse.exists("marts/" + mart)) {
        Dataset<Row> rows = warehouse.readPeriods("marts/" + mart, Trend.earlierPeriods(period));
        rows =
            mart.equals(SettlementMonth.NAME) ? Trend.ofSettlements(rows) : Trend.ofProvince(rows);
        earlier = earlier == null ? rows : earlier.unionByName(rows);
      }
    }
    return earlier == null ? List.of() : earlier.collectAsList();
  }

  /**
   * The agency trend's rows of the periods before this one, from {@code agency_month} (collected,
   * as {@link #earlierTrend}).
   */
  private List<Row> earlierAgencyTrend(Period period) {
    String table = "marts/" + AgencyMonth.NAME;
    if (!warehouse.exists(table)) {
      return List.of();
    }
    return AgencyTrend.ofAgencies(warehouse.readPeriods(table, Trend.earlierPeriods(period)))
        .collectAsList();
  }
}
