package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;

/**
 * {@code agency_trend}: for each agency, its open and overdue demands at the end of each of the
 * last 12 periods, as each period's {@code agency_month} rows hold them (the agency report's trend
 * chart). Built the way {@link Trend} builds the settlements' and the province's.
 */
public final class AgencyTrend {

  public static final String NAME = "agency_trend";

  /** The figures each period's row carries. */
  public static final List<MartColumn> FIGURES =
      List.of(IndicatorColumns.DEMANDS_OPEN, IndicatorColumns.OPEN_OVERDUE);

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(AgencyMonth.AGENCY_ID, Trend.TREND_PERIOD), FIGURES, List.of(MartColumns.PERIOD));

  private AgencyTrend() {}

  /** The trend's rows (without their period) of {@code agency_month} rows. */
  public static Dataset<Row> ofAgencies(Dataset<Row> agencyMonth) {
    return agencyMonth.select(
        AgencyMonth.AGENCY_ID.col(),
        Trend.TREND_PERIOD.of(MartColumns.PERIOD.col()),
        IndicatorColumns.DEMANDS_OPEN.col(),
        IndicatorColumns.OPEN_OVERDUE.col());
  }

  /** The period's rows: this period's and the earlier ones ({@link Trend#earlierPeriods}). */
  public static Dataset<Row> build(Period period, Dataset<Row> thisPeriod, Dataset<Row> earlier) {
    Dataset<Row> rows = earlier == null ? thisPeriod : thisPeriod.unionByName(earlier);
    return MartColumns.select(
        rows.withColumn(MartColumns.PERIOD.name(), lit(period.toString())), COLUMNS);
  }
}
