package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.DemandIndicators;
import org.tashil.calendar.Period;

/**
 * {@code office_agency_month}: for each office and each agency with open demands in the office's
 * settlements at the period's end, how many are open, how many overdue (past the agency's SLA) and
 * the oldest one's age: the office feedback report's follow-up table. An office's settlements are
 * those the registry says it serves, whichever office registered the demand.
 */
public final class OfficeAgencyMonth {

  public static final String NAME = "office_agency_month";

  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office serving the settlements");

  public static final List<MartColumn> COLUMNS =
      List.of(
          OFFICE_ID,
          AgencyMonth.AGENCY_ID,
          AgencyMonth.NAME_FA,
          AgencyMonth.NAME_EN,
          AgencyMonth.SLA_DAYS,
          IndicatorColumns.DEMANDS_OPEN,
          IndicatorColumns.OPEN_OVERDUE,
          IndicatorColumns.OLDEST_OPEN_DAYS,
          MartColumns.PERIOD);

  private OfficeAgencyMonth() {}

  /** The period's rows, from the registry and the flagged demand states. */
  public static Dataset<Row> build(Period period, RegistryFrames frames, Dataset<Row> demands) {
    Dataset<Row> served =
        frames
            .settlements()
            .select(
                SettlementMonth.SETTLEMENT_ID.col(), OFFICE_ID.of(SettlementMonth.OFFICE_ID.col()));
    Dataset<Row> byOfficeAndAgency =
        demands
            .where(col("is_open").equalTo(1))
            .select(
                col("settlement_id"),
                col("agency_id"),
                col("is_open"),
                col("is_overdue"),
                col("open_age"))
            .join(served, SettlementMonth.SETTLEMENT_ID.name())
            .groupBy(OFFICE_ID.col(), AgencyMonth.AGENCY_ID.col())
            .agg(
                IndicatorColumns.DEMANDS_OPEN.of(DemandIndicators.flagged("is_open")),
                IndicatorColumns.OPEN_OVERDUE.of(DemandIndicators.flagged("is_overdue")),
                DemandIndicators.oldest());
    return MartColumns.select(
        byOfficeAndAgency
            .join(frames.agencies(), AgencyMonth.AGENCY_ID.name())
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }
}
