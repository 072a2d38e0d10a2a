package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;

/**
 * {@code office_reasons}: for each office, the reasons its rows were quarantined this period or the
 * one before, with the rows of each month side by side: what the office feedback report compares.
 * Made of this period's {@code quarantine_reasons} rows and the previous period's, as aggregate
 * last wrote them; when the previous period was never aggregated, its counts are unknown (null),
 * not 0.
 */
public final class OfficeReasons {

  public static final String NAME = "office_reasons";

  public static final MartColumn ROWS =
      new MartColumn("rows", IntegerType, "rows quarantined for the reason in the period");
  public static final MartColumn ROWS_PREVIOUS =
      new MartColumn(
          "rows_previous",
          IntegerType,
          "in the period before; none when that period was never aggregated");

  public static final List<MartColumn> COLUMNS =
      List.of(
          QuarantineReasons.OFFICE_ID,
          QuarantineReasons.REASON,
          ROWS,
          ROWS_PREVIOUS,
          MartColumns.PERIOD);

  private OfficeReasons() {}

  /**
   * The period's rows, from its {@code quarantine_reasons} rows and the previous period's ({@code
   * previous}, null when that period has no marts).
   */
  public static Dataset<Row> build(
      SparkSession spark, Period period, List<Row> current, List<Row> previous) {
    Dataset<Row> now = byReason(spark, current, ROWS);
    Dataset<Row> before = byReason(spark, previous == null ? List.of() : previous, ROWS_PREVIOUS);
    String[] keys = {QuarantineReasons.OFFICE_ID.name(), QuarantineReasons.REASON.name()};
    return MartColumns.select(
        now.join(before, keys, "full_outer")
            .withColumn(ROWS.name(), coalesce(ROWS.col(), lit(0)))
            .withColumn(
                ROWS_PREVIOUS.name(),
                previous == null
                    ? lit(null).cast(IntegerType)
                    : coalesce(ROWS_PREVIOUS.col(), lit(0)))
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }

  /** {@code quarantine_reasons} rows summed by office and reason, as {@code column}. */
  private static Dataset<Row> byReason(SparkSession spark, List<Row> rows, MartColumn column) {
    return spark
        .createDataFrame(
            rows.stream()
                .map(
                    row ->
                        org.apache.spark.sql.RowFactory.create(
                            row.<String>getAs(QuarantineReasons.OFFICE_ID.name()),
                            row.<String>getAs(QuarantineReasons.REASON.name()),
                            row.<Integer>getAs(QuarantineReasons.ROWS.name())))
                .toList(),
            MartColumns.schema(
                List.of(QuarantineReasons.OFFICE_ID, QuarantineReasons.REASON, column)))
        .groupBy(QuarantineReasons.OFFICE_ID.col(), QuarantineReasons.REASON.col())
        .agg(column.of(sum(column.col()).cast("int")));
  }
}
