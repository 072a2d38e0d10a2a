package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tashil.calendar.Period;

/**
 * {@code settlement_month}: one row per settlement of the registry, with its registry facts, its
 * indicators ({@link IndicatorColumns#LEVEL}) and its place by M0 among the settlements.
 */
public final class SettlementMonth {

  public static final String NAME = "settlement_month";

  public static final MartColumn SETTLEMENT_ID =
      new MartColumn("settlement_id", StringType, "the settlement's registry id");
  public static final MartColumn NAME_FA =
      new MartColumn("name_fa", StringType, "its name in Persian");
  public static final MartColumn NAME_EN =
      new MartColumn("name_en", StringType, "its name in English");
  public static final MartColumn COUNTY_FA =
      new MartColumn("county_fa", StringType, "its county's name in Persian");
  public static final MartColumn COUNTY_EN =
      new MartColumn("county_en", StringType, "its county's name in English");
  public static final MartColumn CITY_FA =
      new MartColumn("city_fa", StringType, "its city's name in Persian");
  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office that serves it");
  public static final MartColumn EST_HOUSEHOLDS =
      new MartColumn("est_households", IntegerType, "estimated households (registry)");
  public static final MartColumn EST_POPULATION =
      new MartColumn("est_population", IntegerType, "estimated population (registry)");
  public static final MartColumn HAZARD =
      new MartColumn("hazard", StringType, "the registry's hazard note for the settlement");

  /** The registry's columns of a settlement ({@link RegistryFrames#settlements}). */
  public static final List<MartColumn> REGISTRY =
      List.of(
          SETTLEMENT_ID,
          NAME_FA,
          NAME_EN,
          COUNTY_FA,
          COUNTY_EN,
          CITY_FA,
          OFFICE_ID,
          EST_HOUSEHOLDS,
          EST_POPULATION,
          HAZARD);

  public static final MartColumn M0_RANK =
      new MartColumn(
          "m0_rank", IntegerType, "place by M0, 1 = most deprived (ties by id); none without M0");
  public static final MartColumn M0_RANKED =
      new MartColumn("m0_ranked", IntegerType, "how many settlements have an M0 (are ranked)");

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          REGISTRY,
          IndicatorColumns.LEVEL,
          List.of(M0_RANK, M0_RANKED),
          FileArrivals.SETTLEMENT,
          List.of(MartColumns.PERIOD));

  private SettlementMonth() {}

  /**
   * The period's rows, from the registry, the {@link Levels}, {@code office_month}'s rows and each
   * office's last demands file ({@link FileArrivals#lastDemandsFiles}).
   */
  public static Dataset<Row> build(
      Period period,
      RegistryFrames frames,
      Dataset<Row> levels,
      Dataset<Row> offices,
      Dataset<Row> lastDemandsFiles) {
    Dataset<Row> entities = frames.settlements().withColumn("key", SETTLEMENT_ID.col());
    Dataset<Row> figures =
        Levels.indicators(entities, levels, Levels.SETTLEMENT)
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString()));
    WindowSpec all = Window.partitionBy(MartColumns.PERIOD.col());
    WindowSpec mostDeprivedFirst =
        all.orderBy(IndicatorColumns.M0.col().desc_nulls_last(), SETTLEMENT_ID.col().asc());
    Dataset<Row> ranked =
        figures
            .withColumn(
                M0_RANK.name(),
                when(IndicatorColumns.M0.col().isNotNull(), row_number().over(mostDeprivedFirst)))
            .withColumn(M0_RANKED.name(), count(IndicatorColumns.M0.col()).over(all).cast("int"))
            .join(
                FileArrivals.settlements(frames, offices, lastDemandsFiles),
                new String[] {SETTLEMENT_ID.name()},
                "left");
    return MartColumns.select(ranked, COLUMNS);
  }
}
