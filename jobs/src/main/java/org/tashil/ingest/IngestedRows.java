package org.tashil.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tashil.calendar.Period;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Warehouse;

/**
 * What aggregate reads of the period's ingest, as committed: every row of the small tables (clean
 * activities, the three quarantine tables, submissions) and the count of clean rows by dataset and
 * settlement. Within a {@code run}, ingest hands them to aggregate in memory ({@link
 * IngestJob.Result#rows()}); a later {@code aggregate} reads them back ({@link #read}). Both give
 * the same rows, so aggregate computes the same marts either way.
 *
 * @param tables the rows of each table named in {@link #TABLES}, each a small in-memory frame
 * @param accepted one row per dataset and settlement with clean rows: {@code dataset}, {@code
 *     settlement_id} (as the row names it), {@code rows}
 */
public record IngestedRows(Period period, Map<String, Dataset<Row>> tables, Dataset<Row> accepted) {

  /** The tables whose period ingest hands over whole. */
  public static final List<String> TABLES;

  static {
    List<String> tables = new ArrayList<>(List.of("clean/activities"));
    for (org.tashil.schema.OfficeDataset dataset : org.tashil.schema.OfficeDataset.values()) {
      tables.add("quarantine/" + dataset.tableName());
    }
    tables.add("submissions");
    TABLES = List.copyOf(tables);
  }

  /** The schema of {@link #accepted}. */
  public static final StructType ACCEPTED =
      new StructType()
          .add("dataset", DataTypes.StringType, false)
          .add("settlement_id", DataTypes.StringType)
          .add("rows", DataTypes.LongType, false);

  public IngestedRows {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(accepted, "accepted");
    for (String table : TABLES) {
      if (!tables.containsKey(table)) {
        throw new IllegalArgumentException("no rows of " + table);
      }
    }
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /** The period's rows of one of {@link #TABLES}. */
  public Dataset<Row> table(String table) {
    Dataset<Row> rows = tables.get(table);
    if (rows == null) {
      throw new IllegalArgumentException(table + " is not one of " + TABLES);
    }
    return rows;
  }

  /**
   * The same rows read back from the warehouse, for an aggregate run on its own. The small tables
   * are read into memory; the counts of clean rows are left for the aggregate's own job to compute
   * with its figures (a plan, not a job of their own).
   *
   * @throws IllegalStateException when ingest has not written the tables yet
   */
  public static IngestedRows read(Warehouse warehouse, Period period) {
    Set<String> read = new LinkedHashSet<>();
    for (org.tashil.schema.OfficeDataset dataset : org.tashil.schema.OfficeDataset.values()) {
      read.add("clean/" + dataset.tableName());
    }
    read.addAll(TABLES);
    for (String table : read) {
      if (!warehouse.exists(table)) {
        throw new IllegalStateException(
            "the warehouse has no " + table + " table yet: run tashil ingest first");
      }
    }
    Map<String, Dataset<Row>> inMemory =
        Parallel.each(TABLES, table -> warehouse.readPeriodInMemory(table, period));
    Dataset<Row> accepted = null;
    for (org.tashil.schema.OfficeDataset dataset : org.tashil.schema.OfficeDataset.values()) {
      Dataset<Row> counts =
          warehouse
              .readPeriod("clean/" + dataset.tableName(), period)
              .groupBy(lit(dataset.tableName()).as("dataset"), col("settlement_id"))
              .agg(count(lit(1)).as("rows"));
      accepted = accepted == null ? counts : accepted.unionByName(counts);
    }
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    TABLES.forEach(table -> tables.put(table, inMemory.get(table)));
    return new IngestedRows(period, tables, accepted);
  }

  /** The accepted counts as a frame, from rows of (dataset, settlement_id, rows). */
  static Dataset<Row> accepted(SparkSession spark, List<Row> counts) {
    List<Row> typed = new ArrayList<>();
    for (Row row : counts) {
      typed.add(RowFactory.create(row.getString(0), row.getString(1), row.getLong(2)));
    }
    return spark.createDataFrame(typed, ACCEPTED);
  }
}
