package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.tashil.aggregate.DemandIndicators;
import org.tashil.aggregate.HouseholdIndicators;
import org.tashil.ingest.IngestedRows;
import org.tashil.schema.OfficeDataset;

/**
 * The figures of every settlement, every county and the province, from one rollup over the same
 * households, demands, activities and rows ({@link IndicatorColumns#LEVEL}'s sums and statistics):
 * the intermediate that {@link SettlementMonth}, {@link CountyMonth} and {@link ProvinceMonth}
 * read. Its rows are told apart by {@code level} and named by {@code key}.
 */
public final class Levels {

  static final String SETTLEMENT = "settlement";
  static final String COUNTY = "county";
  static final String PROVINCE = "province";

  private Levels() {}

  /**
   * Rows to aggregate by settlement ({@code county_en}, {@code settlement_id}): {@code sums}
   * (counts and sums) and {@code maxima}.
   */
  private record Part(Dataset<Row> rows, List<Column> sums, List<Column> maxima) {}

  /**
   * Every level's figures. {@code households} and {@code demands} are the flagged as-of states,
   * {@code activities} the period's activities and {@code periodRows} the period's rows by dataset
   * ({@link #periodRows}), each placed in its county; {@code balanceParts} are the demands' parts
   * in the balance of open demands ({@link DemandIndicators#balanceParts}).
   */
  public static Dataset<Row> of(
      Dataset<Row> households,
      Dataset<Row> demands,
      Dataset<Row> activities,
      Dataset<Row> periodRows,
      Dataset<Row> balanceParts) {
    // The medians and 90th percentiles need every resolved demand of a level, not its settlements'
    // figures: rolled up on their own, and joined to the levels, which hold every level with a
    // resolved demand (a resolved demand is counted in the demand sums). Joined by hash in the
    // levels' own job: a broadcast would be a job of its own, which picks the demands before the
    // households instead of beside them.
    Dataset<Row> statistics =
        rolledUp(demands.where(DemandIndicators.resolved()), DemandIndicators.percentiles());
    Dataset<Row> sums =
        sums(
            List.of(
                new Part(households, HouseholdIndicators.sums(), List.of()),
                new Part(demands, DemandIndicators.sums(), List.of(DemandIndicators.oldest())),
                new Part(activities, activitySums(), List.of()),
                new Part(periodRows, rowSums(), List.of())));
    // A level whose only demands were open at the start (all since closed before the period, or
    // moved elsewhere) has a balance and no sums: a full join keeps it.
    Dataset<Row> joined =
        sums.join(statistics.hint("shuffle_hash"), new String[] {"level", "key"}, "left")
            .join(balance(balanceParts), new String[] {"level", "key"}, "full");
    List<Column> order = new ArrayList<>(List.of(col("level"), col("key")));
    for (MartColumn column : IndicatorColumns.LEVEL) {
      if (!IndicatorColumns.HOUSEHOLD_SHARES.contains(column)
          && !column.equals(IndicatorColumns.SLA_MET_SHARE)) {
        order.add(column.col());
      }
    }
    return joined.select(order.toArray(Column[]::new));
  }

  /**
   * The entities' rows ({@code key} names each) with their level's figures and the shares derived
   * from them; an entity without data has zero counts and no shares.
   */
  static Dataset<Row> indicators(Dataset<Row> entities, Dataset<Row> levels, String level) {
    Dataset<Row> joined =
        entities
            .join(
                levels
                    .where(col("level").equalTo(level))
                    .drop("level")
                    .withColumnRenamed("key", "level_key"),
                col("key").equalTo(col("level_key")),
                "left")
            .drop("key", "level_key")
            .na()
            .fill(0, MartColumns.names(IndicatorColumns.LEVEL_COUNTS).toArray(String[]::new));
    return DemandIndicators.derived(HouseholdIndicators.derived(joined));
  }

  /**
   * The settlement rows, each county's row and the province's row of every part's {@code sums} and
   * {@code maxima}; a part without rows at a level leaves its columns null there. Each part's rows
   * are aggregated once, by settlement; the parts' settlement rows are then stacked, and each
   * settlement, county and the province adds up (or takes the greatest of) its settlement rows,
   * which is the same as aggregating its rows. One rollup, not one per part joined to the others.
   */
  private static Dataset<Row> sums(List<Part> parts) {
    Dataset<Row> stacked = null;
    List<Column> combined = new ArrayList<>();
    for (Part part : parts) {
      List<Column> all = new ArrayList<>(part.sums());
      all.addAll(part.maxima());
      Dataset<Row> bySettlement =
          part.rows()
              .groupBy(col("county_en"), col("settlement_id"))
              .agg(all.get(0), all.subList(1, all.size()).toArray(Column[]::new));
      StructField[] fields = bySettlement.schema().fields();
      for (int i = 0; i < all.size(); i++) {
        StructField field = fields[i + 2];
        Column values = col(field.name());
        combined.add(
            (i < part.sums().size() ? sum(values).cast(field.dataType()) : max(values))
                .as(field.name()));
      }
      stacked = stacked == null ? bySettlement : stacked.unionByName(bySettlement, true);
    }
    return rolledUp(stacked, combined);
  }

  /**
   * One rollup over (county, settlement): the settlement rows, each county's row and the province's
   * row, told apart by {@code level} and named by {@code key}.
   */
  private static Dataset<Row> rolledUp(Dataset<Row> rows, List<Column> aggregates) {
    Column first = grouping_id().as("grouping");
    return rows.rollup(col("county_en"), col("settlement_id"))
        .agg(first, aggregates.toArray(Column[]::new))
        .withColumn(
            "level",
            when(col("grouping").equalTo(0), lit(SETTLEMENT))
                .when(col("grouping").equalTo(1), lit(COUNTY))
                .otherwise(lit(PROVINCE)))
        .withColumn(
            "key",
            when(col("grouping").equalTo(0), col("settlement_id"))
                .when(col("grouping").equalTo(1), col("county_en"))
                .otherwise(lit(PROVINCE)))
        .where(col("key").isNotNull())
        .drop("grouping", "county_en", "settlement_id");
  }

  /**
   * Each level's balance of open demands ({@link IndicatorColumns#BALANCE}): open at the start, and
   * each demand's change at that level (the sum of its parts in the level's settlements) added up
   * by sign. A demand moved from one settlement to another of the same county changes both
   * settlements' balances and not the county's.
   */
  private static Dataset<Row> balance(Dataset<Row> parts) {
    Column settlement = struct(lit(SETTLEMENT).as("level"), col("settlement_id").as("key"));
    Column county = struct(lit(COUNTY).as("level"), col("county_en").as("key"));
    Column province = struct(lit(PROVINCE).as("level"), lit(PROVINCE).as("key"));
    Column change = col("change");
    return parts
        .withColumn("at", explode(array(settlement, county, province)))
        .groupBy(
            col("at.level").as("level"),
            col("at.key").as("key"),
            col("office_id"),
            col("demand_id"))
        .agg(sum("open_start").as("open_start"), sum(change).as("change"))
        .where(col("key").isNotNull())
        .groupBy(col("level"), col("key"))
        .agg(
            IndicatorColumns.DEMANDS_OPEN_START.of(sum("open_start").cast("int")),
            IndicatorColumns.DEMANDS_LATE_ADDED.of(
                sum(when(change.gt(0), change).otherwise(0)).cast("int")),
            IndicatorColumns.DEMANDS_LATE_REMOVED.of(
                sum(when(change.lt(0), lit(0).minus(change)).otherwise(0)).cast("int")));
  }

  private static List<Column> activitySums() {
    return List.of(
        IndicatorColumns.ACTIVITIES.of(count(lit(1)).cast("int")),
        IndicatorColumns.PARTICIPANTS.of(sum("participants").cast("long")),
        IndicatorColumns.WOMEN_PARTICIPANTS.of(sum("women_participants").cast("long")));
  }

  /**
   * The period's rows counted by settlement (as each row names it), dataset and whether they were
   * accepted: {@code settlement_id}, {@code dataset}, {@code accepted} (1 or 0), {@code rows}, with
   * the settlement's county where the registry knows it.
   */
  public static Dataset<Row> periodRows(
      IngestedRows ingested, Dataset<Row> quarantined, Dataset<Row> placement) {
    Dataset<Row> rows =
        quarantined
            .select(
                col("written_settlement").as("settlement_id"),
                col("dataset"),
                lit(0).as("accepted"),
                lit(1L).as("rows"))
            .unionByName(
                ingested
                    .accepted()
                    .select(
                        col("settlement_id"), col("dataset"), lit(1).as("accepted"), col("rows")));
    return rows.join(placement, new String[] {"settlement_id"}, "left");
  }

  private static List<Column> rowSums() {
    List<Column> sums = new ArrayList<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      sums.add(rowCount(dataset, 1, IndicatorColumns.rowsAccepted(dataset)));
      sums.add(rowCount(dataset, 0, IndicatorColumns.rowsQuarantined(dataset)));
    }
    return sums;
  }

  private static Column rowCount(OfficeDataset dataset, int accepted, MartColumn column) {
    return column.of(
        sum(when(
                    col("dataset")
                        .equalTo(dataset.tableName())
                        .and(col("accepted").equalTo(accepted)),
                    col("rows"))
                .otherwise(0L))
            .cast("int"));
  }
}
