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
import org.tashil.calendar.Period;

/**
 * The demand indicators (contract §5.4), defined once: per-demand flags over the demand states at
 * the end of a period, and the aggregates that settlements, counties, the province and agencies
 * share.
 */
final class DemandIndicators {

  static final List<String> OPEN_STATUSES = List.of("registered", "referred", "in_progress");

  private DemandIndicators() {}

  /**
   * Adds the flags of each demand state: new, resolved/rejected/withdrawn in the period, open at
   * its end with its age (last day − registered_on) and age bucket, days to resolve, SLA met,
   * overdue. Needs the agency's {@code sla_days} column.
   */
  static Dataset<Row> withFlags(Dataset<Row> states, Period period) {
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
  static Column counted() {
    return col("is_new")
        .plus(col("is_resolved"))
        .plus(col("is_rejected"))
        .plus(col("is_withdrawn"))
        .plus(col("is_open"))
        .gt(0);
  }

  /** How many demand states have the flag (a column of {@link #withFlags}) set. */
  static Column flagged(String flag) {
    return Shares.countWhere(col(flag).equalTo(1));
  }

  private static Column flag(Column condition) {
    return when(condition, 1).otherwise(0);
  }

  /** What every level aggregates; all counts, so zero where a level has no demands. */
  static List<Column> sums() {
    List<Column> sums = new ArrayList<>();
    sums.add(flagged("is_new").as("demands_new"));
    sums.add(flagged("is_resolved").as("demands_resolved"));
    sums.add(flagged("is_rejected").as("demands_rejected"));
    sums.add(flagged("is_withdrawn").as("demands_withdrawn"));
    sums.add(flagged("is_open").as("demands_open"));
    sums.add(bucket(0, 30).as("open_age_0_30"));
    sums.add(bucket(31, 90).as("open_age_31_90"));
    sums.add(bucket(91, 180).as("open_age_91_180"));
    sums.add(Shares.countWhere(col("open_age").gt(180)).as("open_age_over_180"));
    sums.add(flagged("is_sla_met").as("sla_met"));
    sums.add(flagged("is_overdue").as("open_overdue"));
    sums.add(
        sum(col("is_open").multiply(col("households_affected")))
            .cast("long")
            .as("households_affected_open"));
    return sums;
  }

  /** Statistics that have no value without data: median and p90 (exact, linear) and oldest age. */
  static List<Column> statistics() {
    List<Column> statistics = new ArrayList<>(percentiles());
    statistics.add(oldest());
    return statistics;
  }

  /**
   * The median and 90th percentile of the days to resolve (exact, linear interpolation), over the
   * demands resolved in the period: a level's need every such value, not its parts' statistics.
   */
  static List<Column> percentiles() {
    return List.of(
        percentile(col("days_to_resolve"), lit(0.5)).as("days_to_resolve_median"),
        percentile(col("days_to_resolve"), lit(0.9)).as("days_to_resolve_p90"));
  }

  /** The demand states {@link #percentiles} read: those resolved in the period. */
  static Column resolved() {
    return col("days_to_resolve").isNotNull();
  }

  /** The oldest open demand's age: a level's is the greatest of its parts'. */
  static Column oldest() {
    return max("open_age").cast("int").as("oldest_open_days");
  }

  static List<String> sumColumns() {
    return List.of(
        "demands_new",
        "demands_resolved",
        "demands_rejected",
        "demands_withdrawn",
        "demands_open",
        "open_age_0_30",
        "open_age_31_90",
        "open_age_91_180",
        "open_age_over_180",
        "sla_met",
        "open_overdue",
        "households_affected_open");
  }

  /** The SLA-met share of demands resolved in the period. */
  static Dataset<Row> derived(Dataset<Row> sums) {
    return sums.withColumn("sla_met_share", Shares.ratio(col("sla_met"), col("demands_resolved")));
  }

  private static Column bucket(int from, int to) {
    return Shares.countWhere(col("open_age").between(from, to));
  }
}
