package org.tashil.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.marts.IndicatorColumns;
import org.tashil.calendar.Period;

/**
 * The demand indicators (contract §5.4), defined once: per-demand flags over the demand states at
 * the end of a period, and the aggregates that settlements, counties, the province and agencies
 * share.
 */
public final class DemandIndicators {

  static final List<String> OPEN_STATUSES = List.of("registered", "referred", "in_progress");

  private DemandIndicators() {}

  /**
   * Adds the flags of each demand state: new, resolved/rejected/withdrawn in the period, open at
   * its end with its age (last day − registered_on) and age bucket, days to resolve, SLA met,
   * overdue. Needs the agency's {@code sla_days} column.
   */
  public static Dataset<Row> withFlags(Dataset<Row> states, Period period) {
    Column first = lit(period.firstDay());
    Column last = lit(period.lastDay());
    Column closedInPeriod = col("closed_on").between(first, last);
    Column open = col("status").isin(OPEN_STATUSES.toArray());
    Column age = datediff(last, col("registered_on"));
    Column resolved = col("status").equalTo("resolved").and(closedInPeriod);
    Column daysToResolve = datediff(col("closed_on"), col("registered_on"));
    Map<String, Column> flags = new LinkedHashMap<>();
    flags.put("is_new", flag(col("registered_on").between(first, last)));
    flags.put("is_resolved", flag(resolved));
    flags.put("is_rejected", flag(col("status").equalTo("rejected").and(closedInPeriod)));
    flags.put("is_withdrawn", flag(col("status").equalTo("withdrawn").and(closedInPeriod)));
    flags.put("is_open", flag(open));
    flags.put("open_age", when(open, age));
    flags.put("days_to_resolve", when(resolved, daysToResolve));
    flags.put("is_sla_met", flag(resolved.and(daysToResolve.leq(col("sla_days")))));
    flags.put("is_overdue", flag(open.and(age.gt(col("sla_days")))));
    return Shares.withColumnsInOrder(states, flags);
  }

  /**
   * Whether a flagged demand state counts in any figure of the period: new in it, closed in it, or
   * open at its end. Every other state (closed before the period) adds zero to every sum and
   * nothing to the statistics, so the rollups need not read it.
   */
  public static Column counted() {
    return col("is_new")
        .plus(col("is_resolved"))
        .plus(col("is_rejected"))
        .plus(col("is_withdrawn"))
        .plus(col("is_open"))
        .gt(0);
  }

  /** How many demand states have the flag (a column of {@link #withFlags}) set. */
  public static Column flagged(String flag) {
    return Shares.countWhere(col(flag).equalTo(1));
  }

  private static Column flag(Column condition) {
    return when(condition, 1).otherwise(0);
  }

  /**
   * What every level and agency aggregates ({@link IndicatorColumns#DEMAND_SUMS}, in that order);
   * all counts, so zero where a level has no demands.
   */
  public static List<Column> sums() {
    List<Column> sums = new ArrayList<>();
    sums.add(IndicatorColumns.DEMANDS_NEW.of(flagged("is_new")));
    sums.add(IndicatorColumns.DEMANDS_RESOLVED.of(flagged("is_resolved")));
    sums.add(IndicatorColumns.DEMANDS_REJECTED.of(flagged("is_rejected")));
    sums.add(IndicatorColumns.DEMANDS_WITHDRAWN.of(flagged("is_withdrawn")));
    sums.add(IndicatorColumns.DEMANDS_OPEN.of(flagged("is_open")));
    sums.add(IndicatorColumns.OPEN_AGE_0_30.of(bucket(0, 30)));
    sums.add(IndicatorColumns.OPEN_AGE_31_90.of(bucket(31, 90)));
    sums.add(IndicatorColumns.OPEN_AGE_91_180.of(bucket(91, 180)));
    sums.add(IndicatorColumns.OPEN_AGE_OVER_180.of(Shares.countWhere(col("open_age").gt(180))));
    sums.add(IndicatorColumns.SLA_MET.of(flagged("is_sla_met")));
    sums.add(IndicatorColumns.OPEN_OVERDUE.of(flagged("is_overdue")));
    sums.add(
        IndicatorColumns.HOUSEHOLDS_AFFECTED_OPEN.of(
            sum(col("is_open").multiply(col("households_affected"))).cast("long")));
    return sums;
  }

  /** Statistics that have no value without data: median and p90 (exact, linear) and oldest age. */
  public static List<Column> statistics() {
    List<Column> statistics = new ArrayList<>(percentiles());
    statistics.add(oldest());
    return statistics;
  }

  /**
   * The median and 90th percentile of the days to resolve (exact, linear interpolation), over the
   * demands resolved in the period: a level's need every such value, not its parts' statistics.
   */
  public static List<Column> percentiles() {
    return List.of(
        IndicatorColumns.DAYS_TO_RESOLVE_MEDIAN.of(percentile(col("days_to_resolve"), lit(0.5))),
        IndicatorColumns.DAYS_TO_RESOLVE_P90.of(percentile(col("days_to_resolve"), lit(0.9))));
  }

  /** The demand states {@link #percentiles} read: those resolved in the period. */
  public static Column resolved() {
    return col("days_to_resolve").isNotNull();
  }

  /** The oldest open demand's age: a level's is the greatest of its parts'. */
  public static Column oldest() {
    return IndicatorColumns.OLDEST_OPEN_DAYS.of(max("open_age").cast("int"));
  }

  /** The SLA-met share of demands resolved in the period. */
  public static Dataset<Row> derived(Dataset<Row> sums) {
    return sums.withColumn(
        IndicatorColumns.SLA_MET_SHARE.name(),
        Shares.ratio(IndicatorColumns.SLA_MET.col(), IndicatorColumns.DEMANDS_RESOLVED.col()));
  }

  /**
   * Each demand's parts in the period's balance of open demands (docs/indicators.md §3.1), one row
   * per state, in that state's settlement and county ({@code county_en}, {@code settlement_id}):
   *
   * <ul>
   *   <li>its state at the previous period's end, when open then: {@code open_start} 1 and {@code
   *       change} −1;
   *   <li>its state at this period's end, when counted ({@link #counted}): {@code open_start} 0 and
   *       {@code change} = open at the end − new + resolved, rejected or withdrawn in the period.
   * </ul>
   *
   * A demand's changes summed at one level are 0 when its files told its story as it happened (open
   * at both ends, new in the period, closed in it, or closed before it); anything else is a report
   * sent late or a correction. Summed over a level's demands, open at the start + new − closed +
   * changes = open at the end, exactly.
   *
   * @param previousStates the demand states at the previous period's end, as that period's figures
   *     read them (with their agency known), placed in their settlement and county
   * @param flagged this period's states as {@link #withFlags} flags them, the counted ones, placed
   * @return {@code office_id}, {@code demand_id}, {@code county_en}, {@code settlement_id}, {@code
   *     open_start}, {@code change}
   */
  public static Dataset<Row> balanceParts(Dataset<Row> previousStates, Dataset<Row> flagged) {
    List<Column> key =
        List.of(col("office_id"), col("demand_id"), col("county_en"), col("settlement_id"));
    List<Column> before = new ArrayList<>(key);
    before.add(lit(1).as("open_start"));
    before.add(lit(-1).as("change"));
    List<Column> after = new ArrayList<>(key);
    after.add(lit(0).as("open_start"));
    after.add(
        col("is_open")
            .minus(col("is_new"))
            .plus(col("is_resolved"))
            .plus(col("is_rejected"))
            .plus(col("is_withdrawn"))
            .as("change"));
    return previousStates
        .where(col("status").isin(OPEN_STATUSES.toArray()))
        .select(before.toArray(Column[]::new))
        .unionByName(flagged.select(after.toArray(Column[]::new)));
  }

  private static Column bucket(int from, int to) {
    return Shares.countWhere(col("open_age").between(from, to));
  }
}
