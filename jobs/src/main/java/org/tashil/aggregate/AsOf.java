package org.tashil.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The intermediate layer: the state of households and demands at the end of a period, from every
 * version received up to it, so that re-aggregating an old period gives its numbers as they stood.
 */
final class AsOf {

  private AsOf() {}

  /**
   * The household basis (contract §5.1): for each settlement and household code, the latest survey
   * with surveyed_on on or before the period's last day, from every period up to it; ties go to the
   * later period, then the later source line.
   */
  static Dataset<Row> householdsAsOfPeriod(Warehouse warehouse, Period period) {
    Dataset<Row> surveys =
        warehouse
            .read("clean/households")
            .where(col(Tables.PERIOD).leq(lit(period.toString())))
            .where(col("surveyed_on").leq(lit(period.lastDay())));
    return latest(surveys, "surveyed_on", "settlement_id", "household_code");
  }

  /**
   * The household basis with each household's flags ({@link HouseholdIndicators#withFlags}), and
   * only the columns the sums need. A household's flags depend on its survey alone, so they are
   * computed on every version first and the latest version is picked among narrow rows: the pick
   * sorts far fewer bytes than with every column of the survey.
   */
  static Dataset<Row> flaggedHouseholdsAsOfPeriod(Warehouse warehouse, Period period) {
    Dataset<Row> surveys =
        HouseholdIndicators.withFlags(
            warehouse
                .read("clean/households")
                .where(col(Tables.PERIOD).leq(lit(period.toString())))
                .where(col("surveyed_on").leq(lit(period.lastDay()))));
    java.util.List<Column> kept = new java.util.ArrayList<>();
    for (String name :
        java.util.List.of(
            "settlement_id",
            "household_code",
            "surveyed_on",
            Tables.PERIOD,
            "source_file",
            "source_line")) {
      kept.add(col(name));
    }
    for (String name : HouseholdIndicators.inputsOfSums()) {
      kept.add(col(name));
    }
    return latest(
        surveys.select(kept.toArray(Column[]::new)),
        "surveyed_on",
        "settlement_id",
        "household_code");
  }

  /**
   * The demand states (contract §5.4): for each office and demand id, the latest version with
   * updated_on on or before the period's last day; ties go to the later period, then the later
   * line. Only the columns the indicators and the list of open demands read: the pick sorts every
   * version it carries, and the summary text would be most of their bytes.
   */
  static Dataset<Row> demandsAsOfPeriod(Warehouse warehouse, Period period) {
    Dataset<Row> versions =
        warehouse
            .read("clean/demands")
            .where(col(Tables.PERIOD).leq(lit(period.toString())))
            .where(col("updated_on").leq(lit(period.lastDay())))
            .select(
                col(Tables.OFFICE_ID),
                col("demand_id"),
                col("updated_on"),
                col(Tables.PERIOD),
                col("source_file"),
                col("source_line"),
                col("settlement_id"),
                col("agency_id"),
                col("category"),
                col("priority"),
                col("status"),
                col("registered_on"),
                col("closed_on"),
                col("households_affected"));
    return latest(versions, "updated_on", Tables.OFFICE_ID, "demand_id");
  }

  /** One row per key: the row with the greatest (date, period, source file, source line). */
  private static Dataset<Row> latest(Dataset<Row> rows, String dateColumn, String... key) {
    String[] columns = rows.columns();
    Column order =
        struct(col(dateColumn), col(Tables.PERIOD), col("source_file"), col("source_line"));
    Column[] keys =
        Arrays.stream(key).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Dataset<Row> picked =
        rows.groupBy(keys)
            .agg(
                max_by(
                        struct(
                            Arrays.stream(columns)
                                .map(org.apache.spark.sql.functions::col)
                                .toArray(Column[]::new)),
                        order)
                    .as("latest"));
    return picked.select(col("latest.*"));
  }
}
