package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tashil.calendar.Period;

/**
 * {@code open_demands}: every demand open at the period's end, numbered within its settlement
 * oldest first (ties by office and id), with its agency's SLA and whether it is past it. The
 * settlement report lists each settlement's oldest (by {@link #RANK}); the agency report lists
 * every one routed to the agency. Never the summary text.
 */
public final class OpenDemands {

  public static final String NAME = "open_demands";

  public static final MartColumn RANK =
      new MartColumn("rank", IntegerType, "1 = the settlement's oldest open demand");
  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office that registered the demand");
  public static final MartColumn DEMAND_ID =
      new MartColumn("demand_id", StringType, "the demand's id within its office");
  public static final MartColumn AGENCY_NAME_FA =
      new MartColumn("agency_name_fa", StringType, "the agency's name in Persian");
  public static final MartColumn AGENCY_NAME_EN =
      new MartColumn("agency_name_en", StringType, "the agency's name in English");
  public static final MartColumn PRIORITY =
      new MartColumn("priority", StringType, "normal or urgent");
  public static final MartColumn STATUS =
      new MartColumn("status", StringType, "registered, referred or in_progress");
  public static final MartColumn REGISTERED_ON =
      new MartColumn("registered_on", DateType, "the day it was registered");
  public static final MartColumn DAYS_OPEN =
      new MartColumn("days_open", IntegerType, "the period's last day − registered_on");
  public static final MartColumn HOUSEHOLDS_AFFECTED =
      new MartColumn("households_affected", IntegerType, "households the demand affects");
  public static final MartColumn OVERDUE =
      new MartColumn(
          "overdue", BooleanType, "days_open > sla_days: counted in agency_month.open_overdue");

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(
              SettlementMonth.SETTLEMENT_ID,
              RANK,
              OFFICE_ID,
              DEMAND_ID,
              CategoryMonth.CATEGORY,
              AgencyMonth.AGENCY_ID,
              AGENCY_NAME_FA,
              AGENCY_NAME_EN,
              AgencyMonth.SLA_DAYS,
              PRIORITY,
              STATUS,
              REGISTERED_ON,
              DAYS_OPEN,
              OVERDUE,
              HOUSEHOLDS_AFFECTED,
              MartColumns.PERIOD));

  private OpenDemands() {}

  /** The period's rows, from the registry's agencies and the flagged demand states. */
  public static Dataset<Row> build(Period period, RegistryFrames frames, Dataset<Row> demands) {
    WindowSpec oldestFirst =
        Window.partitionBy(SettlementMonth.SETTLEMENT_ID.col())
            .orderBy(col("open_age").desc(), OFFICE_ID.col(), DEMAND_ID.col());
    return MartColumns.select(
        demands
            .where(col("is_open").equalTo(1))
            .withColumn(RANK.name(), row_number().over(oldestFirst))
            .join(
                frames
                    .agencies()
                    .select(
                        AgencyMonth.AGENCY_ID.col(),
                        AGENCY_NAME_FA.of(AgencyMonth.NAME_FA.col()),
                        AGENCY_NAME_EN.of(AgencyMonth.NAME_EN.col()),
                        AgencyMonth.SLA_DAYS.col()),
                AgencyMonth.AGENCY_ID.name())
            .withColumn(RANK.name(), RANK.col().cast("int"))
            .withColumn(DAYS_OPEN.name(), col("open_age").cast("int"))
            // The flag agency_month's open_overdue counts (DemandIndicators.withFlags).
            .withColumn(OVERDUE.name(), col("is_overdue").equalTo(1))
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }
}
