package org.tashil.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The ten deprivations of one household (contract §5.2), each defined here and nowhere else.
 * Weights are whole sixtieths (1/10 = 6/60, 1/12 = 5/60, 1/6 = 10/60; they sum to 60/60), so that a
 * score and the poverty line 1/3 = 20/60 compare exactly, in integers.
 */
public enum Deprivation {
  WATER(6, true),
  SANITATION(6, true),
  CROWDING(6, true),
  DURABLE(6, true),
  TENURE(6, true),
  ELECTRICITY(5, false),
  GAS(5, false),
  SCHOOLING(10, false),
  INSURANCE(5, false),
  EMPLOYMENT(5, false);

  /** The weights' common denominator. */
  public static final int SIXTIETHS = 60;

  /** A household is poor when its score is at least 1/3, that is 20/60. */
  public static final int POVERTY_LINE_SIXTIETHS = 20;

  private final int weightSixtieths;
  private final boolean slum;

  Deprivation(int weightSixtieths, boolean slum) {
    this.weightSixtieths = weightSixtieths;
    this.slum = slum;
  }

  public int weightSixtieths() {
    return weightSixtieths;
  }

  /** One of UN-Habitat's five slum-household deprivations (SDG 11.1.1). */
  public boolean isSlum() {
    return slum;
  }

  /**
   * {@code water}, the name the marts' columns carry ({@code dep_water}, {@code dep_water_share}).
   */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static List<Deprivation> slumDeprivations() {
    return Arrays.stream(values()).filter(Deprivation::isSlum).toList();
  }

  /** 1 when the household (a row of the clean households table) is deprived, else 0. */
  public Column flag() {
    Column deprived =
        switch (this) {
          case WATER ->
              col("water")
                  .isin("piped_dwelling", "piped_yard", "public_tap", "well_protected")
                  .unary_$bang();
          case SANITATION ->
              col("sanitation").isin("sewer", "septic_tank", "improved_pit").unary_$bang();
          case CROWDING ->
              col("habitable_rooms")
                  .equalTo(0)
                  .or(col("members").gt(col("habitable_rooms").multiply(3)));
          case DURABLE ->
              col("walls").isin("mud", "tin", "makeshift").or(col("hazard_zone").equalTo("yes"));
          case TENURE -> col("tenure").isin("rent_informal", "occupied_informal", "none");
          case ELECTRICITY -> col("electricity").notEqual("metered");
          case GAS -> col("piped_gas").equalTo("no");
          case SCHOOLING -> col("children_in_school").lt(col("children_6_17"));
          case INSURANCE -> col("insured_members").lt(col("members"));
          case EMPLOYMENT -> col("head_employed").equalTo("no");
        };
    return when(deprived, lit(1)).otherwise(lit(0));
  }
}
