package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;

/** {@code county_month}: one row per county, its indicators over its settlements' households. */
public final class CountyMonth {

  public static final String NAME = "county_month";

  public static final MartColumn SETTLEMENTS =
      new MartColumn("settlements", IntegerType, "its settlements in the registry");
  public static final MartColumn EST_HOUSEHOLDS =
      new MartColumn(
          "est_households", IntegerType, "estimated households of its settlements (registry)");
  public static final MartColumn EST_POPULATION =
      new MartColumn(
          "est_population", IntegerType, "estimated population of its settlements (registry)");

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(
              SettlementMonth.COUNTY_EN,
              SettlementMonth.COUNTY_FA,
              SETTLEMENTS,
              EST_HOUSEHOLDS,
              EST_POPULATION),
          IndicatorColumns.LEVEL,
          List.of(
              FileArrivals.COUNTY_ACTIVE_OFFICES,
              FileArrivals.OFFICES_MISSING_DEMANDS,
              FileArrivals.OFFICES_MISSING_ACTIVITIES,
              MartColumns.PERIOD));

  private CountyMonth() {}

  /** The period's rows, from the registry, the {@link Levels} and {@code office_month}'s rows. */
  public static Dataset<Row> build(
      Period period, RegistryFrames frames, Dataset<Row> levels, Dataset<Row> offices) {
    Dataset<Row> counties =
        frames
            .settlements()
            .groupBy(SettlementMonth.COUNTY_EN.col(), SettlementMonth.COUNTY_FA.col())
            .agg(
                SETTLEMENTS.of(count(lit(1)).cast("int")),
                EST_HOUSEHOLDS.of(sum(SettlementMonth.EST_HOUSEHOLDS.col()).cast("int")),
                EST_POPULATION.of(sum(SettlementMonth.EST_POPULATION.col()).cast("int")))
            .withColumn("key", SettlementMonth.COUNTY_EN.col());
    String[] officeCounts = {
      FileArrivals.COUNTY_ACTIVE_OFFICES.name(),
      FileArrivals.OFFICES_MISSING_DEMANDS.name(),
      FileArrivals.OFFICES_MISSING_ACTIVITIES.name()
    };
    return MartColumns.select(
        Levels.indicators(counties, levels, Levels.COUNTY)
            .join(
                FileArrivals.counties(frames, offices),
                new String[] {SettlementMonth.COUNTY_EN.name()},
                "left")
            .na()
            .fill(0, officeCounts)
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }
}
