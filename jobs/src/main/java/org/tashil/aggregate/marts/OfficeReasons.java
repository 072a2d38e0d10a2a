package org.tashil.aggregate.marts;

import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
   * previous}, null when that period has no marts). A few dozen rows: counted on the driver.
   */
  public static Dataset<Row> build(
      SparkSession spark, Period period, List<Row> current, List<Row> previous) {
    Map<List<String>, Integer> now = byReason(current);
    Map<List<String>, Integer> before = byReason(previous == null ? List.of() : previous);
    Set<List<String>> keys = new TreeSet<>(Comparator.comparing(key -> String.join("/", key)));
    keys.addAll(now.keySet());
    keys.addAll(before.keySet());
    List<Row> rows = new ArrayList<>();
    for (List<String> key : keys) {
      rows.add(
          RowFactory.create(
              key.get(0),
              key.get(1),
              now.getOrDefault(key, 0),
              previous == null ? null : before.getOrDefault(key, 0),
              period.toString()));
    }
    return spark.createDataFrame(rows, MartColumns.schema(COLUMNS));
  }

  /** {@code quarantine_reasons} rows summed by office and reason. */
  private static Map<List<String>, Integer> byReason(List<Row> rows) {
    Map<List<String>, Integer> sums = new HashMap<>();
    for (Row row : rows) {
      sums.merge(
          List.of(
              row.<String>getAs(QuarantineReasons.OFFICE_ID.name()),
              row.<String>getAs(QuarantineReasons.REASON.name())),
          row.<Integer>getAs(QuarantineReasons.ROWS.name()),
          Integer::sum);
    }
    return sums;
  }
}
