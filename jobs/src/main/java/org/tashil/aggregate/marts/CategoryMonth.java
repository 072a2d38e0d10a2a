package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.DemandIndicators;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;

/** {@code category_month}: every settlement × every demand category, its new, resolved, open. */
public final class CategoryMonth {

  public static final String NAME = "category_month";

  /** The demand categories, as the demands schema defines them. */
  public static final List<String> CATEGORIES =
      OfficeDataset.DEMANDS.schema().column("category").orElseThrow().values();

  public static final MartColumn CATEGORY =
      new MartColumn("category", StringType, "the demand category, as the data spells it");

  /** The figures of a category, here and in {@link ProvinceCategoryMonth}. */
  public static final List<MartColumn> FIGURES =
      List.of(
          IndicatorColumns.DEMANDS_NEW,
          IndicatorColumns.DEMANDS_RESOLVED,
          IndicatorColumns.DEMANDS_OPEN);

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(SettlementMonth.SETTLEMENT_ID, CATEGORY), FIGURES, List.of(MartColumns.PERIOD));

  private CategoryMonth() {}

  /** The period's rows, from the registry and the flagged demand states. */
  public static Dataset<Row> build(Period period, RegistryFrames frames, Dataset<Row> demands) {
    Dataset<Row> counts =
        demands
            .groupBy(SettlementMonth.SETTLEMENT_ID.col(), CATEGORY.col())
            .agg(
                IndicatorColumns.DEMANDS_NEW.of(DemandIndicators.flagged("is_new")),
                IndicatorColumns.DEMANDS_RESOLVED.of(DemandIndicators.flagged("is_resolved")),
                IndicatorColumns.DEMANDS_OPEN.of(DemandIndicators.flagged("is_open")));
    Dataset<Row> categories =
        frames
            .settlements()
            .select(SettlementMonth.SETTLEMENT_ID.col())
            .crossJoin(
                broadcast(
                    demands
                        .sparkSession()
                        .createDataset(CATEGORIES, Encoders.STRING())
                        .toDF(CATEGORY.name())));
    return MartColumns.select(
        categories
            .join(
                counts,
                new String[] {SettlementMonth.SETTLEMENT_ID.name(), CATEGORY.name()},
                "left")
            .na()
            .fill(0, MartColumns.names(FIGURES).toArray(String[]::new))
            .withColumn(MartColumns.PERIOD.name(), lit(period.toString())),
        COLUMNS);
  }
}
