package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestedRows;
import org.tashil.schema.ColumnType;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;

/**
 * {@code quarantined_rows}: every row quarantined in the period, in the form the office feedback
 * report prints: where it was (office, file, line, column), why (the first broken rule's reason,
 * message key and arguments, which the report words in its language) and, for a column whose value
 * can never be a person's name (a date, a number, an enumeration or an id), the value as the office
 * wrote it. The value of any other text column is never kept here; ingest already masked national
 * ids and phone numbers in every value and argument.
 */
public final class QuarantinedRows {

  public static final String NAME = "quarantined_rows";

  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office whose file held the row");
  public static final MartColumn DATASET =
      new MartColumn("dataset", StringType, "households, demands or activities");
  public static final MartColumn FILE =
      new MartColumn("file", StringType, "the file's name as sent (demands.csv, …)");
  public static final MartColumn LINE =
      new MartColumn("line", IntegerType, "the row's line (CSV) or row number (XLSX)");
  public static final MartColumn COLUMN =
      new MartColumn("column", StringType, "the column of the first broken rule; none for the row");
  public static final MartColumn REASON =
      new MartColumn("reason", StringType, "the first broken rule's code (a ProblemCode)");
  public static final MartColumn MESSAGE_KEY =
      new MartColumn(
          Tables.MESSAGE_KEY,
          StringType,
          "its message's key (messages.properties); none in rows an earlier Tashil quarantined");
  public static final MartColumn MESSAGE_ARGUMENTS =
      new MartColumn(
          Tables.MESSAGE_ARGUMENTS,
          createArrayType(StringType),
          "the message's arguments, personal values masked");
  public static final MartColumn VALUE =
      new MartColumn(
          "value",
          StringType,
          "the column's value as written, only for a date, number, enumeration or id column");

  public static final List<MartColumn> COLUMNS =
      List.of(
          OFFICE_ID,
          DATASET,
          FILE,
          LINE,
          COLUMN,
          REASON,
          MESSAGE_KEY,
          MESSAGE_ARGUMENTS,
          VALUE,
          MartColumns.PERIOD);

  private QuarantinedRows() {}

  /** The period's rows, from its quarantine tables. */
  public static Dataset<Row> build(Period period, IngestedRows ingested) {
    Dataset<Row> all = null;
    for (OfficeDataset dataset : OfficeDataset.values()) {
      Dataset<Row> rows = ingested.table("quarantine/" + dataset.tableName());
      Column printable = col("column").isin(printableColumns(dataset).toArray());
      Dataset<Row> printed =
          rows.select(
              OFFICE_ID.of(col(Tables.OFFICE_ID)),
              DATASET.of(lit(dataset.tableName())),
              FILE.of(substring_index(col("source_file"), "/", -1)),
              LINE.of(col("source_line")),
              COLUMN.of(col("column")),
              REASON.of(col("reason")),
              MESSAGE_KEY.of(orNull(rows, Tables.MESSAGE_KEY, StringType)),
              MESSAGE_ARGUMENTS.of(
                  orNull(rows, Tables.MESSAGE_ARGUMENTS, createArrayType(StringType))),
              VALUE.of(when(printable, col("raw").getItem(col("column")))));
      all = all == null ? printed : all.unionByName(printed);
    }
    return all.withColumn(MartColumns.PERIOD.name(), lit(period.toString()));
  }

  /**
   * The columns whose values the report may print: every one but plain and free text (a summary, a
   * name typed where none belongs). Ids are codes, and an id holding a national id or a phone
   * number was masked and quarantined by ingest.
   */
  static List<String> printableColumns(OfficeDataset dataset) {
    return dataset.schema().columns().stream()
        .filter(
            column ->
                column.type() != ColumnType.TEXT
                    || column.role() == org.tashil.schema.Column.Role.IDENTIFIER
                    || column.lookup() != org.tashil.schema.Column.Lookup.NONE)
        .map(org.tashil.schema.Column::name)
        .toList();
  }

  /** The frame's column, or null where an earlier Tashil's table does not have it. */
  private static Column orNull(Dataset<Row> rows, String name, DataType type) {
    return Arrays.asList(rows.columns()).contains(name) ? col(name) : lit(null).cast(type);
  }
}
