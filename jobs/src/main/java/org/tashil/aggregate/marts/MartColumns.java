package org.tashil.aggregate.marts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tashil.warehouse.Tables;

/** What every mart's declared column list shares: the period, and building lists and frames. */
public final class MartColumns {

  /** The period a mart row belongs to; every mart is partitioned by it, and it comes last. */
  public static final MartColumn PERIOD =
      new MartColumn(Tables.PERIOD, DataTypes.StringType, "the period (Jalali year-month)");

  private MartColumns() {}

  /** The parts' columns, in the order given; a name listed twice is a mistake. */
  @SafeVarargs
  static List<MartColumn> concat(List<MartColumn>... parts) {
    List<MartColumn> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (List<MartColumn> part : parts) {
      for (MartColumn column : part) {
        if (!names.add(column.name())) {
          throw new IllegalArgumentException("the column " + column.name() + " is listed twice");
        }
        columns.add(column);
      }
    }
    return List.copyOf(columns);
  }

  /** {@code rows}' columns in the declared order: a frame that lacks one fails here. */
  static Dataset<Row> select(Dataset<Row> rows, List<MartColumn> columns) {
    return rows.select(columns.stream().map(MartColumn::col).toArray(Column[]::new));
  }

  /** The names, in order. */
  public static List<String> names(List<MartColumn> columns) {
    return columns.stream().map(MartColumn::name).toList();
  }

  /** The declared list as a Spark schema (every column nullable, as Delta Lake stores it). */
  public static StructType schema(List<MartColumn> columns) {
    return new StructType(
        columns.stream()
            .map(column -> DataTypes.createStructField(column.name(), column.type(), true))
            .toArray(StructField[]::new));
  }
}
