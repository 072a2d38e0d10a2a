package org.tashil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The benchmark's peer of the Spark aggregation: {@code settlement_month} of a period computed by
 * DuckDB, in SQL ({@link SettlementMonthSql}), over the same Parquet files the Spark job reads (the
 * clean and quarantine tables' current Delta versions) and the same registry.
 *
 * <pre>{@code
 * DuckDbPeer.Result duckDb = DuckDbPeer.settlementMonth(spark, warehouse, registry, period);
 * MartComparison comparison = MartComparison.settlementMonth(warehouse, duckDb);
 * out.println(comparison.report());
 * }</pre>
 */
public final class DuckDbPeer {

  /** The mart this peer computes. */
  public static final String MART = org.tashil.aggregate.marts.SettlementMonth.NAME;

  /** Its key: one row per settlement of the registry. */
  public static final String KEY = org.tashil.aggregate.marts.SettlementMonth.SETTLEMENT_ID.name();

  /**
   * The declared columns of the mart this peer computes: all but those that say which of the
   * offices' files arrived ({@link org.tashil.aggregate.marts.FileArrivals#SETTLEMENT}), which come
   * from the submissions, not from the clean and quarantine tables the peer reads.
   */
  public static final java.util.List<org.tashil.aggregate.marts.MartColumn> COLUMNS =
      org.tashil.aggregate.marts.SettlementMonth.COLUMNS.stream()
          .filter(column -> !org.tashil.aggregate.marts.FileArrivals.SETTLEMENT.contains(column))
          .toList();

  private DuckDbPeer() {}

  /**
   * DuckDB's {@code settlement_month} rows of a period (sorted by settlement) and what they took.
   *
   * @param files the Parquet files DuckDB was given, over all input tables
   * @param listMillis finding those files in the Delta logs (Spark's work, done once before DuckDB)
   * @param loadMillis opening DuckDB, loading the registry, defining the views over the files
   * @param queryMillis running the mart's SQL, reading the files, and fetching the rows
   */
  public record Result(
      Period period,
      MartTable rows,
      int files,
      long listMillis,
      long loadMillis,
      long queryMillis) {

    public Result {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(rows, "rows");
    }

    /** DuckDB's own time, load and query: what the benchmark sets against Spark's. */
    public long millis() {
      return loadMillis + queryMillis;
    }
  }

  /** Computes {@code settlement_month} of {@code period} in DuckDB and times it. */
  public static Result settlementMonth(
      SparkSession spark, Warehouse warehouse, Registry registry, Period period) {
    long start = System.nanoTime();
    List<Input> inputs = inputs(spark, warehouse);
    long listed = System.nanoTime();
    SettlementMonthSql sql = SettlementMonthSql.forPeriod(period);
    try (DuckDbSession session = load(inputs, registry, sql)) {
      long loaded = System.nanoTime();
      MartTable rows = session.query(sql.mart());
      long queried = System.nanoTime();
      int files = inputs.stream().mapToInt(input -> input.files().files().size()).sum();
      return new Result(
          period,
          rows,
          files,
          millis(start, listed),
          millis(listed, loaded),
          millis(loaded, queried));
    }
  }

  /**
   * A DuckDB database with the period's inputs and the mart's intermediate views ({@code
   * households_as_of_period}, {@code household_flags}, {@code demand_flags}, …) defined, for
   * looking at how a figure came about. The caller closes it.
   */
  public static DuckDbSession open(
      SparkSession spark, Warehouse warehouse, Registry registry, Period period) {
    return load(inputs(spark, warehouse), registry, SettlementMonthSql.forPeriod(period));
  }

  /** A warehouse table the mart reads, under the relation name the SQL gives it. */
  private record Input(String relation, DeltaFiles files, StructType schema) {}

  /**
   * The tables the mart reads: {@code clean_households} is {@code clean/households}, {@code
   * quarantine_demands} is {@code quarantine/demands}, each with its warehouse schema.
   */
  private static List<Input> inputs(SparkSession spark, Warehouse warehouse) {
    List<Input> inputs = new ArrayList<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      String name = dataset.tableName();
      inputs.add(
          new Input(
              "clean_" + name,
              DeltaFiles.current(spark, warehouse, "clean/" + name),
              Tables.clean(dataset)));
      inputs.add(
          new Input(
              "quarantine_" + name,
              DeltaFiles.current(spark, warehouse, "quarantine/" + name),
              Tables.QUARANTINE));
    }
    return inputs;
  }

  private static DuckDbSession load(List<Input> inputs, Registry registry, SettlementMonthSql sql) {
    DuckDbSession session = DuckDbSession.open();
    try {
      session.registerRegistry(registry);
      for (Input input : inputs) {
        session.registerParquet(input.relation(), input.files().files(), input.schema());
      }
      for (String view : sql.views()) {
        session.execute(view);
      }
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
