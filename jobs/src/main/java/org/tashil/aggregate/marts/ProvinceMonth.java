package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.Shares;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;

/**
 * {@code province_month}: the province's one row, its indicators over all households, and the
 * offices' completeness and timeliness (docs/indicators.md §5).
 */
public final class ProvinceMonth {

  public static final String NAME = "province_month";

  public static final MartColumn ACTIVE_OFFICES =
      new MartColumn("active_offices", IntegerType, "offices active in the period (§5)");
  public static final MartColumn OFFICES_SENT_DEMANDS =
      new MartColumn(
          "offices_sent_demands", IntegerType, "active offices whose demands file arrived");
  public static final MartColumn OFFICES_ON_TIME =
      new MartColumn(
          "offices_on_time", IntegerType, "active offices whose demands file arrived on time");
  public static final MartColumn COMPLETENESS =
      new MartColumn("completeness", DoubleType, "offices_sent_demands ÷ active_offices");
  public static final MartColumn TIMELINESS =
      new MartColumn("timeliness", DoubleType, "offices_on_time ÷ active_offices");

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(CountyMonth.SETTLEMENTS, CountyMonth.EST_HOUSEHOLDS, CountyMonth.EST_POPULATION),
          IndicatorColumns.LEVEL,
          List.of(
              ACTIVE_OFFICES,
              OFFICES_SENT_DEMANDS,
              OFFICES_ON_TIME,
              COMPLETENESS,
              TIMELINESS,
              FileArrivals.OFFICES_MISSING_DEMANDS,
              FileArrivals.OFFICES_MISSING_ACTIVITIES,
              MartColumns.PERIOD));

  private ProvinceMonth() {}

  /** The period's row, from the registry, the {@link Levels} and {@code office_month}'s rows. */
  public static Dataset<Row> build(
      Period period, RegistryFrames frames, Dataset<Row> levels, Dataset<Row> offices) {
    Dataset<Row> province =
        frames
            .settlements()
            .agg(
                CountyMonth.SETTLEMENTS.of(count(lit(1)).cast("int")),
                CountyMonth.EST_HOUSEHOLDS.of(
                    sum(SettlementMonth.EST_HOUSEHOLDS.col()).cast("int")),
                CountyMonth.EST_POPULATION.of(
                    sum(SettlementMonth.EST_POPULATION.col()).cast("int")))
            .withColumn("key", lit(Levels.PROVINCE));
    Dataset<Row> completeness =
        offices
            .where(OfficeMonth.ACTIVE.col())
            .agg(
                ACTIVE_OFFICES.of(count(lit(1)).cast("int")),
                OFFICES_SENT_DEMANDS.of(
                    Shares.countWhere(OfficeMonth.arrived(OfficeDataset.DEMANDS).col())),
                OFFICES_ON_TIME.of(
                    Shares.countWhere(OfficeMonth.onTime(OfficeDataset.DEMANDS).col())),
                FileArrivals.missingCount(OfficeDataset.DEMANDS),
                FileArrivals.missingCount(OfficeDataset.ACTIVITIES))
            .withColumn(
                COMPLETENESS.name(), Shares.ratio(OFFICES_SENT_DEMANDS.col(), ACTIVE_OFFICES.col()))
            .withColumn(
                TIMELINESS.name(), Shares.ratio(OFFICES_ON_TIME.col(), ACTIVE_OFFICES.col()));
    return MartColumns.select(
        Levels.indicators(province, levels, Levels.PROVINCE)
            .crossJoin(completeness)
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }
}
