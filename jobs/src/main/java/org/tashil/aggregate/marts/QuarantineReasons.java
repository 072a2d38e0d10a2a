package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestedRows;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;

/**
 * {@code quarantine_reasons}: the period's quarantined rows counted by office, settlement (as the
 * row names it, when the registry knows it), dataset, reason and column: the reports' data-quality
 * notes.
 */
public final class QuarantineReasons {

  public static final String NAME = "quarantine_reasons";

  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office whose file held the rows");
  public static final MartColumn SETTLEMENT_ID =
      new MartColumn(
          "settlement_id", StringType, "the settlement the rows name; none if not in the registry");
  public static final MartColumn DATASET =
      new MartColumn("dataset", StringType, "households, demands or activities");
  public static final MartColumn REASON =
      new MartColumn("reason", StringType, "why they were quarantined (a ProblemCode)");
  public static final MartColumn COLUMN =
      new MartColumn("column", StringType, "the column at fault, if one");
  public static final MartColumn ROWS =
      new MartColumn("rows", IntegerType, "rows quarantined in the period");

  public static final List<MartColumn> COLUMNS =
      List.of(OFFICE_ID, SETTLEMENT_ID, DATASET, REASON, COLUMN, ROWS, MartColumns.PERIOD);

  private QuarantineReasons() {}

  /**
   * The period's quarantined rows of every dataset: office, the settlement as the row writes it
   * ({@code written_settlement}), dataset, reason and column; for the row counts and this mart.
   */
  public static Dataset<Row> quarantined(IngestedRows ingested) {
    Dataset<Row> all = null;
    for (OfficeDataset dataset : OfficeDataset.values()) {
      Dataset<Row> rows =
          ingested
              .table("quarantine/" + dataset.tableName())
              .select(
                  col(Tables.OFFICE_ID),
                  upper(trim(col("raw").getItem("settlement_id"))).as("written_settlement"),
                  lit(dataset.tableName()).as(DATASET.name()),
                  col("reason"),
                  col("column"));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /** The period's rows, from {@link #quarantined}'s rows and the registry's settlements. */
  public static Dataset<Row> build(
      SparkSession spark, Registry registry, Period period, Dataset<Row> quarantined) {
    Dataset<Row> known =
        spark
            .createDataset(
                registry.settlements().stream().map(Settlement::id).toList(), Encoders.STRING())
            .toDF(SETTLEMENT_ID.name());
    return quarantined
        .join(broadcast(known), col("written_settlement").equalTo(SETTLEMENT_ID.col()), "left")
        .groupBy(OFFICE_ID.col(), SETTLEMENT_ID.col(), DATASET.col(), REASON.col(), COLUMN.col())
        .agg(ROWS.of(count(lit(1)).cast("int")))
        .withColumn(MartColumns.PERIOD.name(), lit(period.toString()));
  }
}
