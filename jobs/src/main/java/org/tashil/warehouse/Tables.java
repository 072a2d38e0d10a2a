package org.tashil.warehouse;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;

/**
 * The staging tables' Spark schemas (contract §4). Clean tables take their columns from the
 * dataset's {@link org.tashil.schema.DatasetSchema}, so a column is defined in one place only.
 */
public final class Tables {

  public static final String PERIOD = "period";
  public static final String OFFICE_ID = "office_id";

  /**
   * A quarantined row's first problem as its message's key in {@code org/tashil/messages} and its
   * arguments (personal values masked), so that a report words it in its own language; null in rows
   * an earlier Tashil wrote, which have only the English {@code message}.
   */
  public static final String MESSAGE_KEY = "message_key";

  public static final String MESSAGE_ARGUMENTS = "message_arguments";

  public static final StructType QUARANTINE =
      new StructType(
          new StructField[] {
            field(OFFICE_ID, StringType),
            field("source_file", StringType),
            field("source_line", IntegerType),
            field("raw", createMapType(StringType, StringType)),
            field("reason", StringType),
            field("column", StringType),
            field("message", StringType),
            field("problems", createArrayType(StringType)),
            field(MESSAGE_KEY, StringType),
            field(MESSAGE_ARGUMENTS, createArrayType(StringType)),
            field(PERIOD, StringType)
          });

  public static final StructType SUBMISSIONS =
      new StructType(
          new StructField[] {
            field(OFFICE_ID, StringType),
            field("dataset", StringType),
            field("file", StringType),
            field("sha256", StringType),
            field("format", StringType),
            field("encoding", StringType),
            field("delimiter", StringType),
            field("rows_read", IntegerType),
            field("rows_accepted", IntegerType),
            field("rows_quarantined", IntegerType),
            field("status", StringType),
            field("message", StringType),
            field("dropped_columns", createArrayType(StringType)),
            field("ignored_columns", createArrayType(StringType)),
            field("first_seen_on", DateType),
            field(PERIOD, StringType),
            // Came after the first version: a table written before adds it last, so new ones too.
            field("arrived_on", DateType)
          });

  private Tables() {}

  /** The clean table of a dataset: its canonical typed columns, then where each row came from. */
  public static StructType clean(OfficeDataset dataset) {
    List<StructField> fields = new ArrayList<>();
    for (Column column : dataset.schema().columns()) {
      fields.add(field(column.name(), sparkType(column)));
    }
    fields.add(field(OFFICE_ID, StringType));
    fields.add(field("source_file", StringType));
    fields.add(field("source_line", IntegerType));
    fields.add(field(PERIOD, StringType));
    return new StructType(fields.toArray(StructField[]::new));
  }

  private static DataType sparkType(Column column) {
    return switch (column.type()) {
      case TEXT, ENUM -> StringType;
      case INTEGER -> IntegerType;
      case DATE -> DateType;
    };
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
