package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;

/**
 * {@code trend}: for each settlement and the province, the figures of the last 12 periods, as each
 * period's {@code settlement_month} and {@code province_month} rows hold them.
 */
public final class Trend {

  public static final String NAME = "trend";

  /** How many periods, this one included. */
  public static final int PERIODS = 12;

  public static final String SETTLEMENT_SCOPE = "settlement";
  public static final String PROVINCE_SCOPE = "province";

  public static final MartColumn SCOPE =
      new MartColumn("scope", StringType, "settlement or province");
  public static final MartColumn SETTLEMENT_ID =
      new MartColumn("settlement_id", StringType, "the settlement; none for the province");
  public static final MartColumn TREND_PERIOD =
      new MartColumn("trend_period", StringType, "the period the figures are of");

  /** The figures each period's row carries. */
  public static final List<MartColumn> FIGURES =
      List.of(
          IndicatorColumns.DEMANDS_NEW,
          IndicatorColumns.DEMANDS_RESOLVED,
          IndicatorColumns.DEMANDS_OPEN,
          IndicatorColumns.SLUM_HOUSEHOLDS_SHARE,
          IndicatorColumns.M0);

  public static final MartColumn DEMANDS_FILE_MISSING =
      new MartColumn(
          "demands_file_missing",
          BooleanType,
          "settlement: its office's demands file was due and missing or rejected (§5.1)");
  public static final MartColumn OFFICES_MISSING_DEMANDS =
      new MartColumn(
          "offices_missing_demands",
          IntegerType,
          "province: active offices whose demands file was missing or rejected (§5.1)");

  /**
   * Which files the period's figures lack: none for a period aggregated before they were recorded.
   */
  public static final List<MartColumn> FILES =
      List.of(DEMANDS_FILE_MISSING, OFFICES_MISSING_DEMANDS);

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(SCOPE, SETTLEMENT_ID, TREND_PERIOD), FIGURES, FILES, List.of(MartColumns.PERIOD));

  private Trend() {}

  /** The earlier periods the trend reads: the 11 before {@code period}. */
  public static PeriodRange earlierPeriods(Period period) {
    return new PeriodRange(period.minusMonths(PERIODS - 1), period.minusMonths(1));
  }

  /** The trend's rows (without their period) of {@code settlement_month} rows. */
  public static Dataset<Row> ofSettlements(Dataset<Row> settlementMonth) {
    Column missing =
        has(settlementMonth, FileArrivals.DEMANDS_FILE)
            ? FileArrivals.missing(FileArrivals.DEMANDS_FILE.col())
            : lit(null).cast("boolean");
    return rows(
        settlementMonth,
        SETTLEMENT_SCOPE,
        SettlementMonth.SETTLEMENT_ID.col(),
        missing,
        lit(null).cast("int"));
  }

  /** The trend's rows (without their period) of {@code province_month} rows. */
  public static Dataset<Row> ofProvince(Dataset<Row> provinceMonth) {
    return rows(
        provinceMonth,
        PROVINCE_SCOPE,
        lit(null).cast("string"),
        lit(null).cast("boolean"),
        has(provinceMonth, FileArrivals.OFFICES_MISSING_DEMANDS)
            ? FileArrivals.OFFICES_MISSING_DEMANDS.col()
            : lit(null).cast("int"));
  }

  /** Whether the rows have the column: marts written before it was declared lack it. */
  private static boolean has(Dataset<Row> rows, MartColumn column) {
    return List.of(rows.columns()).contains(column.name());
  }

  /** The period's rows: this period's and the earlier ones, stacked. */
  public static Dataset<Row> build(Period period, List<Dataset<Row>> parts) {
    Dataset<Row> trend = null;
    for (Dataset<Row> part : parts) {
      trend = trend == null ? part : trend.unionByName(part);
    }
    return trend.withColumn(MartColumns.PERIOD.name(), lit(period.toString()));
  }

  private static Dataset<Row> rows(
      Dataset<Row> rows,
      String scope,
      Column settlement,
      Column demandsFileMissing,
      Column officesMissingDemands) {
    List<Column> columns = new ArrayList<>();
    columns.add(SCOPE.of(lit(scope)));
    columns.add(SETTLEMENT_ID.of(settlement));
    columns.add(TREND_PERIOD.of(MartColumns.PERIOD.col()));
    FIGURES.forEach(figure -> columns.add(figure.col()));
    columns.add(DEMANDS_FILE_MISSING.of(demandsFileMissing));
    columns.add(OFFICES_MISSING_DEMANDS.of(officesMissingDemands));
    return rows.select(columns.toArray(Column[]::new));
  }
}
