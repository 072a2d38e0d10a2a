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

  /** The sums every level keeps; shares are derived from them by {@link #derived}. */
  static List<Column> sums() {
    List<Column> sums = new ArrayList<>();
    sums.add(count(lit(1)).cast("int").as("households"));
    sums.add(sum("members").cast("long").as("persons"));
    for (Deprivation deprivation : Deprivation.values()) {
      sums.add(
          Shares.countWhere(col("flag_" + deprivation.key()).equalTo(1))
              .as("dep_" + deprivation.key()));
    }
    sums.add(Shares.countWhere(col("flag_slum").equalTo(1)).as("slum_households"));
    sums.add(sum(col("flag_slum").multiply(col("members"))).cast("long").as("slum_persons"));
    sums.add(Shares.countWhere(col("flag_poor").equalTo(1)).as("poor_households"));
    sums.add(sum(col("flag_poor").multiply(col("members"))).cast("long").as("poor_persons"));
    sums.add(
        sum(col("flag_poor").multiply(col("members")).multiply(col("score_sixtieths")))
            .cast("long")
            .as("poor_weighted_score_sixtieths"));
    sums.add(Shares.countWhere(col("hazard_zone").equalTo("yes")).as("hazard_households"));
    for (String consent : List.of("yes", "no", "undecided")) {
      sums.add(
          Shares.countWhere(col("relocation_consent").equalTo(consent)).as("consent_" + consent));
    }
    return sums;
  }

  /** The sums' column names, which are zero (never null) for an entity without households. */
  static List<String> sumColumns() {
    List<String> names = new ArrayList<>(List.of("households", "persons"));
    for (Deprivation deprivation : Deprivation.values()) {
      names.add("dep_" + deprivation.key());
    }
    names.addAll(
        List.of(
            "slum_households",
            "slum_persons",
            "poor_households",
            "poor_persons",
            "poor_weighted_score_sixtieths",
            "hazard_households",
            "consent_yes",
            "consent_no",
            "consent_undecided"));
    return names;
  }

  /**
   * Shares and indices from the sums: each share null where its denominator is zero. H = poor
   * persons / persons; A = Σ(members·c over the poor) / poor persons (0 when none is poor); M0 = H
   * × A.
   */
  static Dataset<Row> derived(Dataset<Row> sums) {
    Map<String, Column> shares = new LinkedHashMap<>();
    shares.put("coverage", Shares.ratio(col("households"), col("est_households")));
    for (Deprivation deprivation : Deprivation.values()) {
      shares.put(
          "dep_" + deprivation.key() + "_share",
          Shares.ratio(col("dep_" + deprivation.key()), col("households")));
    }
    shares.put("slum_households_share", Shares.ratio(col("slum_households"), col("households")));
    shares.put("slum_persons_share", Shares.ratio(col("slum_persons"), col("persons")));
    shares.put("h", Shares.ratio(col("poor_persons"), col("persons")));
    shares.put(
        "a",
        when(col("persons").equalTo(0), lit(null).cast("double"))
            .when(col("poor_persons").equalTo(0), lit(0.0))
            .otherwise(
                col("poor_weighted_score_sixtieths")
                    .cast("double")
                    .divide(col("poor_persons").multiply(Deprivation.SIXTIETHS))));
    shares.put(
        "m0",
        Shares.ratio(
            col("poor_weighted_score_sixtieths"), col("persons").multiply(Deprivation.SIXTIETHS)));
    return Shares.withColumnsInOrder(sums, shares);
  }
}
