package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.DemandIndicators;
import org.tashil.calendar.Period;

/** {@code agency_month}: one row per agency, the demand figures of the demands referred to it. */
public final class AgencyMonth {

  public static final String NAME = "agency_month";

  public static final MartColumn AGENCY_ID =
      new MartColumn("agency_id", StringType, "the agency's registry id");
  public static final MartColumn NAME_FA =
      new MartColumn("name_fa", StringType, "its name in Persian");
  public static final MartColumn NAME_EN =
      new MartColumn("name_en", StringType, "its name in English");
  public static final MartColumn SLA_DAYS =
      new MartColumn("sla_days", IntegerType, "the days it has to resolve a demand (registry)");

  /** The registry's columns of an agency ({@link RegistryFrames#agencies}). */
  public static final List<MartColumn> REGISTRY = List.of(AGENCY_ID, NAME_FA, NAME_EN, SLA_DAYS);

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          REGISTRY,
          IndicatorColumns.DEMAND_SUMS,
          List.of(
              IndicatorColumns.DAYS_TO_RESOLVE_MEDIAN,
              IndicatorColumns.DAYS_TO_RESOLVE_P90,
              IndicatorColumns.OLDEST_OPEN_DAYS,
              IndicatorColumns.SLA_MET_SHARE,
              MartColumns.PERIOD));

  private AgencyMonth() {}

  /** The period's rows, from the registry and the flagged demand states. */
  public static Dataset<Row> build(Period period, RegistryFrames frames, Dataset<Row> demands) {
    List<Column> aggregates = new ArrayList<>(DemandIndicators.sums());
    aggregates.addAll(DemandIndicators.statistics());
    Dataset<Row> byAgency =
        demands
            .groupBy(AGENCY_ID.col())
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    return MartColumns.select(
        DemandIndicators.derived(
                frames
                    .agencies()
                    .join(byAgency, new String[] {AGENCY_ID.name()}, "left")
                    .na()
                    .fill(
                        0, MartColumns.names(IndicatorColumns.DEMAND_SUMS).toArray(String[]::new)))
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }
}
