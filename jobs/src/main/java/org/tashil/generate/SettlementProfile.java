package org.tashil.generate;

import static org.tashil.generate.LocalTrait.HILLSIDE;
import static org.tashil.generate.LocalTrait.ILLEGAL_ELECTRICITY;
import static org.tashil.generate.LocalTrait.NO_DEEDS;
import static org.tashil.generate.LocalTrait.OPEN_SEWAGE;
import static org.tashil.generate.LocalTrait.UNCOLLECTED_WASTE;
import static org.tashil.generate.LocalTrait.UNPAVED_ALLEYS;
import static org.tashil.generate.LocalTrait.WATER_CUTS;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.tashil.reference.Settlement;

/**
 * What a settlement is like, drawn once from the seed and its id, its registry hazard and the
 * problems it is known for: the odds of every household condition and of every kind of demand.
 *
 * @param deprivation from 0 (well served) to 1 (nothing works); moves every condition together
 * @param hazardShare share of households living in the settlement's hazard zone
 * @param demandRate demands per household, relative to the province
 * @param activityRate activities, relative to the province
 */
record SettlementProfile(
    Settlement settlement,
    Set<LocalTrait> traits,
    double deprivation,
    Weights water,
    Weights sanitation,
    Weights electricity,
    Weights walls,
    Weights tenure,
    Weights consent,
    double pipedGas,
    double headEmployed,
    double fullyInsured,
    double inSchool,
    double femaleHead,
    double largeFamily,
    double hazardShare,
    Weights demandCategories,
    double demandRate,
    double activityRate) {

  SettlementProfile {
    Objects.requireNonNull(settlement, "settlement");
    traits = Set.copyOf(traits);
  }

  static SettlementProfile of(Settlement settlement, long seed) {
    SplittableRandom random = Seeds.random(seed, "profile", settlement.id());
    Set<LocalTrait> traits = LocalTrait.of(settlement, random);
    double deprivation = 0.15 + 0.7 * (random.nextDouble() + random.nextDouble()) / 2;
    boolean hillside = traits.contains(HILLSIDE);
    if (hillside) {
      deprivation = Math.max(deprivation, 0.75);
    }
    Weights water = water(deprivation, traits);
    Weights tenure = tenure(deprivation, traits);
    Weights consent =
        Weights.builder()
            .add("yes", Draws.between(0.25, 0.45, random))
            .add("no", Draws.between(0.15, 0.35, random))
            .add("undecided", Draws.between(0.25, 0.45, random))
            .build();
    double hazardShare = hazardShare(settlement.hazard(), hillside, random);
    Weights demandCategories = demandCategories(traits, water, tenure, hazardShare, random);
    double demandRate =
        (0.6 + 0.8 * deprivation + 0.15 * traits.size()) * Draws.between(0.8, 1.2, random);
    double activityRate = Draws.between(0.6, 1.4, random) * (1 + hazardShare);
    return new SettlementProfile(
        settlement,
        traits,
        deprivation,
        water,
        sanitation(deprivation, traits),
        electricity(deprivation, traits),
        walls(deprivation, traits, settlement.hazard()),
        tenure,
        consent,
        hillside ? 0.15 : Math.max(0.05, 0.9 - 0.6 * deprivation),
        0.78 - 0.3 * deprivation,
        0.8 - 0.45 * deprivation,
        0.97 - 0.15 * deprivation,
        Draws.between(0.1, 0.25, random),
        0.1 + 0.3 * deprivation,
        hazardShare,
        demandCategories,
        demandRate,
        activityRate);
  }

  /** Hillsides and settlements with water cuts fetch water by tanker. */
  private static Weights water(double deprivation, Set<LocalTrait> traits) {
    boolean hillside = traits.contains(HILLSIDE);
    boolean cuts = traits.contains(WATER_CUTS);
    return Weights.builder()
        .add("piped_dwelling", 0.75 * (1 - deprivation) * (hillside ? 0.3 : 1) + 0.02)
        .add("piped_yard", 0.22)
        .add("public_tap", 0.03 + 0.1 * deprivation + (cuts ? 0.05 : 0))
        .add("well_protected", 0.02)
        .add("tanker", 0.02 + 0.12 * deprivation + (cuts ? 0.15 : 0) + (hillside ? 0.3 : 0))
        .add("well_unprotected", 0.03 * deprivation)
        .add("surface", 0.01 * deprivation)
        .add("other", 0.01)
        .build();
  }

  /** Open sewage channels mean open defecation and unimproved pits, not sewers. */
  private static Weights sanitation(double deprivation, Set<LocalTrait> traits) {
    boolean hillside = traits.contains(HILLSIDE);
    boolean open = traits.contains(OPEN_SEWAGE);
    return Weights.builder()
        .add("sewer", 0.7 * (1 - deprivation) * (open ? 0.1 : 1) * (hillside ? 0.4 : 1))
        .add("septic_tank", 0.15)
        .add("improved_pit", 0.12)
        .add("unimproved_pit", 0.05 + 0.2 * deprivation + (open ? 0.3 : 0) + (hillside ? 0.15 : 0))
        .add("shared", 0.03 + 0.07 * deprivation)
        .add("open", 0.01 + 0.04 * deprivation + (open ? 0.35 : 0))
        .add("other", 0.01)
        .build();
  }

  private static Weights electricity(double deprivation, Set<LocalTrait> traits) {
    boolean illegal = traits.contains(ILLEGAL_ELECTRICITY);
    return Weights.builder()
        .add("metered", 1 - 0.3 * deprivation)
        .add("unmetered", 0.02 + 0.3 * deprivation + (illegal ? 0.6 : 0))
        .add("none", 0.01 + 0.01 * deprivation)
        .build();
  }

  /** Stone and makeshift walls on hillsides, mud by rivers and flood plains. */
  private static Weights walls(double deprivation, Set<LocalTrait> traits, String hazard) {
    boolean hillside = traits.contains(HILLSIDE);
    boolean wet = hazard.equals("flood") || hazard.equals("riverbank");
    return Weights.builder()
        .add("concrete", 0.1 * (1 - deprivation) + 0.02)
        .add("brick", 0.4 * (1 - deprivation) + 0.1)
        .add("block", 0.25)
        .add("stone", 0.03 + (hillside ? 0.12 : 0))
        .add("mud", 0.02 + 0.12 * deprivation + (wet ? 0.08 : 0) + (hillside ? 0.05 : 0))
        .add("tin", 0.01 + 0.06 * deprivation)
        .add("makeshift", 0.01 + 0.06 * deprivation + (hillside ? 0.12 : 0))
        .build();
  }

  /** Where there are no deeds, most households occupy their plot informally. */
  private static Weights tenure(double deprivation, Set<LocalTrait> traits) {
    boolean noDeeds = traits.contains(NO_DEEDS);
    return Weights.builder()
        .add("deed", (0.5 * (1 - deprivation) + 0.03) * (noDeeds ? 0.08 : 1))
        .add("long_lease", 0.03)
        .add("rent_written", 0.1)
        .add("rent_informal", 0.1)
        .add("occupied_informal", 0.05 + 0.35 * deprivation + (noDeeds ? 0.45 : 0))
        .add("none", 0.02 + 0.1 * deprivation + (noDeeds ? 0.15 : 0))
        .build();
  }

  /** Residents ask for what they lack: water where it is cut, waste collection where none comes. */
  private static Weights demandCategories(
      Set<LocalTrait> traits,
      Weights water,
      Weights tenure,
      double hazardShare,
      SplittableRandom random) {
    double tanker = water.share("tanker");
    double informal = tenure.share(List.of("occupied_informal", "none"));
    return Weights.builder()
        .add("water", jitter(0.14 * (1 + boost(traits, WATER_CUTS, 3) + 2 * tanker), random))
        .add("electricity", jitter(0.09 * (1 + boost(traits, ILLEGAL_ELECTRICITY, 2)), random))
        .add("sewage", jitter(0.09 * (1 + boost(traits, OPEN_SEWAGE, 3)), random))
        .add("roads", jitter(0.09 * (1 + boost(traits, UNPAVED_ALLEYS, 3)), random))
        .add("waste", jitter(0.07 * (1 + boost(traits, UNCOLLECTED_WASTE, 4)), random))
        .add("education", jitter(0.07, random))
        .add("health", jitter(0.06, random))
        .add("security", jitter(0.04, random))
        .add("documents", jitter(0.06, random))
        .add("tenure", jitter(0.06 * (1 + 2 * informal + boost(traits, NO_DEEDS, 1)), random))
        .add("employment", jitter(0.07, random))
        .add("welfare", jitter(0.08, random))
        .add("relocation", jitter(0.005 + 0.15 * hazardShare, random))
        .add("other", jitter(0.02, random))
        .build();
  }

  private static double boost(Set<LocalTrait> traits, LocalTrait trait, double boost) {
    return traits.contains(trait) ? boost : 0;
  }

  private static double hazardShare(String hazard, boolean hillside, SplittableRandom random) {
    if (hillside) {
      return Draws.between(0.45, 0.6, random);
    }
    return switch (hazard) {
      case "landslide" -> Draws.between(0.25, 0.45, random);
      case "flood" -> Draws.between(0.15, 0.35, random);
      case "riverbank" -> Draws.between(0.12, 0.3, random);
      case "industrial" -> Draws.between(0.08, 0.2, random);
      case "high_voltage", "pipeline" -> Draws.between(0.04, 0.12, random);
      default -> 0;
    };
  }

  private static double jitter(double weight, SplittableRandom random) {
    return weight * Draws.between(0.6, 1.4, random);
  }
}
