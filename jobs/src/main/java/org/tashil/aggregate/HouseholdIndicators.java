package org.tashil.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
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

/**
 * The household indicators (contract §5.2–5.3), defined once: per-household flags, the sums that
 * any level (settlement, county, province) aggregates, and the shares and indices derived from
 * those sums. County and province figures are ratios of sums over their households, never averages
 * of shares.
 */
public final class HouseholdIndicators {

  private HouseholdIndicators() {}

  /** Adds each deprivation's flag, the slum flag, the score in sixtieths and the poor flag. */
  public static Dataset<Row> withFlags(Dataset<Row> households) {
    // One projection, not a withColumn chain: each withColumn re-analyses the whole plan.
    Map<String, Column> flags = new LinkedHashMap<>();
    Column score = lit(0);
    for (Deprivation deprivation : Deprivation.values()) {
      flags.put("flag_" + deprivation.key(), deprivation.flag());
      score = score.plus(deprivation.flag().multiply(deprivation.weightSixtieths()));
    }
    flags.put(
        "flag_slum",
        greatest(
            Deprivation.slumDeprivations().stream().map(Deprivation::flag).toArray(Column[]::new)));
    flags.put("score_sixtieths", score);
    flags.put("flag_poor", when(score.geq(Deprivation.POVERTY_LINE_SIXTIETHS), 1).otherwise(0));
    return Shares.withColumnsInOrder(households, flags);
  }

  /**
   * The sums every level keeps ({@link IndicatorColumns#HOUSEHOLD_SUMS}, in that order); shares are
   * derived from them by {@link #derived}.
   */
  public static List<Column> sums() {
    List<Column> sums = new ArrayList<>();
    sums.add(IndicatorColumns.HOUSEHOLDS.of(count(lit(1)).cast("int")));
    sums.add(IndicatorColumns.PERSONS.of(sum("members").cast("long")));
    for (Deprivation deprivation : Deprivation.values()) {
      sums.add(
          IndicatorColumns.deprived(deprivation)
              .of(Shares.countWhere(col("flag_" + deprivation.key()).equalTo(1))));
    }
    sums.add(IndicatorColumns.SLUM_HOUSEHOLDS.of(Shares.countWhere(col("flag_slum").equalTo(1))));
    sums.add(
        IndicatorColumns.SLUM_PERSONS.of(
            sum(col("flag_slum").multiply(col("members"))).cast("long")));
    sums.add(IndicatorColumns.POOR_HOUSEHOLDS.of(Shares.countWhere(col("flag_poor").equalTo(1))));
    sums.add(
        IndicatorColumns.POOR_PERSONS.of(
            sum(col("flag_poor").multiply(col("members"))).cast("long")));
    sums.add(
        IndicatorColumns.POOR_WEIGHTED_SCORE_SIXTIETHS.of(
            sum(col("flag_poor").multiply(col("members")).multiply(col("score_sixtieths")))
                .cast("long")));
    sums.add(
        IndicatorColumns.HAZARD_HOUSEHOLDS.of(
            Shares.countWhere(col("hazard_zone").equalTo("yes"))));
    sums.add(
        IndicatorColumns.CONSENT_YES.of(
            Shares.countWhere(col("relocation_consent").equalTo("yes"))));
    sums.add(
        IndicatorColumns.CONSENT_NO.of(Shares.countWhere(col("relocation_consent").equalTo("no"))));
    sums.add(
        IndicatorColumns.CONSENT_UNDECIDED.of(
            Shares.countWhere(col("relocation_consent").equalTo("undecided"))));
    return sums;
  }

  /**
   * Shares and indices from the sums: each share null where its denominator is zero. H = poor
   * persons / persons; A = Σ(members·c over the poor) / poor persons (0 when none is poor); M0 = H
   * × A.
   */
  public static Dataset<Row> derived(Dataset<Row> sums) {
    Map<String, Column> shares = new LinkedHashMap<>();
    shares.put(
        IndicatorColumns.COVERAGE.name(),
        Shares.ratio(IndicatorColumns.HOUSEHOLDS.col(), col("est_households")));
    for (Deprivation deprivation : Deprivation.values()) {
      shares.put(
          IndicatorColumns.deprivedShare(deprivation).name(),
          Shares.ratio(
              IndicatorColumns.deprived(deprivation).col(), IndicatorColumns.HOUSEHOLDS.col()));
    }
    shares.put(
        IndicatorColumns.SLUM_HOUSEHOLDS_SHARE.name(),
        Shares.ratio(IndicatorColumns.SLUM_HOUSEHOLDS.col(), IndicatorColumns.HOUSEHOLDS.col()));
    shares.put(
        IndicatorColumns.SLUM_PERSONS_SHARE.name(),
        Shares.ratio(IndicatorColumns.SLUM_PERSONS.col(), IndicatorColumns.PERSONS.col()));
    shares.put(
        IndicatorColumns.H.name(),
        Shares.ratio(IndicatorColumns.POOR_PERSONS.col(), IndicatorColumns.PERSONS.col()));
    Column persons = IndicatorColumns.PERSONS.col();
    Column poorPersons = IndicatorColumns.POOR_PERSONS.col();
    Column weighted = IndicatorColumns.POOR_WEIGHTED_SCORE_SIXTIETHS.col();
    shares.put(
        IndicatorColumns.A.name(),
        when(persons.equalTo(0), lit(null).cast("double"))
            .when(poorPersons.equalTo(0), lit(0.0))
            .otherwise(
                weighted.cast("double").divide(poorPersons.multiply(Deprivation.SIXTIETHS))));
    shares.put(
        IndicatorColumns.M0.name(),
        Shares.ratio(weighted, persons.multiply(Deprivation.SIXTIETHS)));
    return Shares.withColumnsInOrder(sums, shares);
  }
}
