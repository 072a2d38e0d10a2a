package org.tashil.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;

/**
 * Which agency a demand of each category is referred to, as offices do it: water and sewage to the
 * water company, electricity to Ahvaz's distribution company inside Ahvaz county and to the
 * provincial one elsewhere, waste to the municipality, and so on. Agencies the registry lacks are
 * skipped; a category with none left goes to the registry's first agency.
 */
final class AgencyRouting {

  private record Route(String agencyId, double weight) {}

  private static final Map<String, List<Route>> ROUTES =
      Map.ofEntries(
          Map.entry("water", List.of(new Route("water_wastewater", 1))),
          Map.entry("sewage", List.of(new Route("water_wastewater", 1))),
          Map.entry(
              "roads", List.of(new Route("municipality", 0.7), new Route("roads_urban", 0.3))),
          Map.entry("waste", List.of(new Route("municipality", 1))),
          Map.entry("education", List.of(new Route("education", 1))),
          Map.entry("health", List.of(new Route("health", 1))),
          Map.entry("security", List.of(new Route("police", 1))),
          Map.entry("documents", List.of(new Route("civil_registration", 1))),
          Map.entry(
              "tenure",
              List.of(new Route("housing_foundation", 0.5), new Route("deeds_registry", 0.5))),
          Map.entry(
              "employment", List.of(new Route("labour", 0.8), new Route("social_security", 0.2))),
          Map.entry(
              "welfare", List.of(new Route("welfare", 0.5), new Route("relief_committee", 0.5))),
          Map.entry(
              "relocation",
              List.of(new Route("housing_foundation", 0.6), new Route("crisis_management", 0.4))),
          Map.entry(
              "other",
              List.of(
                  new Route("municipality", 0.6),
                  new Route("gas", 0.25),
                  new Route("environment", 0.15))));

  private final Registry registry;
  private final String fallback;

  AgencyRouting(Registry registry) {
    this.registry = registry;
    this.fallback =
        registry.agencies().stream()
            .map(Agency::id)
            .sorted()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("the registry lists no agency"));
  }

  String agencyFor(String category, Settlement settlement, SplittableRandom random) {
    if (category.equals("electricity")) {
      String ahvaz = "Ahvaz".equals(settlement.countyEn()) ? "power_distribution" : null;
      return firstKnown(ahvaz, "power_distribution_province", "power_distribution");
    }
    Weights.Builder weights = Weights.builder();
    boolean any = false;
    for (Route route : ROUTES.getOrDefault(category, List.of())) {
      if (registry.agency(route.agencyId()).isPresent()) {
        weights.add(route.agencyId(), route.weight());
        any = true;
      }
    }
    return any ? weights.build().pick(random) : fallback;
  }

  private String firstKnown(String... agencyIds) {
    for (String agencyId : agencyIds) {
      if (agencyId != null && registry.agency(agencyId).isPresent()) {
        return agencyId;
      }
    }
    return fallback;
  }
}
