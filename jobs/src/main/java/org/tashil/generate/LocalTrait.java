package org.tashil.generate;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.tashil.reference.Settlement;

/**
 * A problem a settlement is known for, which shapes its households' conditions and its residents'
 * demands. The places public reports name get theirs; every other settlement draws a few, so that
 * no two settlements look alike.
 */
enum LocalTrait {
  /** Built on a hillside: landslides, water by tanker, stone and makeshift walls. */
  HILLSIDE,
  WATER_CUTS,
  /** No deeds: most households occupy their plot informally. */
  NO_DEEDS,
  /** Unmetered (illegal) electricity connections. */
  ILLEGAL_ELECTRICITY,
  OPEN_SEWAGE,
  UNCOLLECTED_WASTE,
  UNPAVED_ALLEYS;

  private static final List<LocalTrait> DRAWN =
      List.of(
          WATER_CUTS,
          NO_DEEDS,
          ILLEGAL_ELECTRICITY,
          OPEN_SEWAGE,
          UNCOLLECTED_WASTE,
          UNPAVED_ALLEYS);

  /** The traits of a settlement: those reports name, or a few drawn from its own random stream. */
  static Set<LocalTrait> of(Settlement settlement, SplittableRandom random) {
    Set<LocalTrait> traits = EnumSet.noneOf(LocalTrait.class);
    String name = settlement.nameEn() == null ? "" : settlement.nameEn().toLowerCase(Locale.ROOT);
    String city = settlement.id().split("-")[0];
    switch (name) {
      case "hasirabad", "manba-e ab" ->
          traits.addAll(List.of(HILLSIDE, WATER_CUTS, NO_DEEDS, ILLEGAL_ELECTRICITY));
      case "malashieh" -> traits.addAll(List.of(WATER_CUTS, UNPAVED_ALLEYS));
      case "kuy-e mashali" -> traits.add(UNCOLLECTED_WASTE);
      default -> {
        for (LocalTrait trait : DRAWN) {
          if (random.nextDouble() < 0.18) {
            traits.add(trait);
          }
        }
      }
    }
    if (city.equals("KUT")) {
      traits.addAll(List.of(OPEN_SEWAGE, UNCOLLECTED_WASTE));
    }
    return traits;
  }
}
