package org.tashil.generate;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;

/**
 * Draws a new demand and plans its life: most are resolved, about 8% rejected and 4% withdrawn.
 * Resolution times spread around the agency's {@code sla_days}, faster for urgent demands and for
 * quicker agencies, so that some miss the SLA; a few get stuck for many months. Each demand is
 * drawn from its own random stream, so a demand id always has the same life.
 */
final class DemandLifecycles {

  private static final double REJECTED = 0.08;
  private static final double WITHDRAWN = 0.04;
  private static final double STUCK = 0.08;
  private static final double CONFIRMED = 0.6;
  private static final Map<String, Double> URGENCY =
      Map.ofEntries(
          Map.entry("water", 0.25),
          Map.entry("electricity", 0.25),
          Map.entry("sewage", 0.2),
          Map.entry("health", 0.3),
          Map.entry("security", 0.3),
          Map.entry("relocation", 0.2),
          Map.entry("waste", 0.12),
          Map.entry("roads", 0.06),
          Map.entry("welfare", 0.1),
          Map.entry("education", 0.08),
          Map.entry("documents", 0.04),
          Map.entry("tenure", 0.03),
          Map.entry("employment", 0.03),
          Map.entry("other", 0.05));

  private final long seed;
  private final Registry registry;
  private final AgencyRouting routing;

  /** How quickly each agency works: its median resolution time as a share of its SLA. */
  private final Map<String, Double> pace = new TreeMap<>();

  DemandLifecycles(long seed, Registry registry) {
    this.seed = seed;
    this.registry = registry;
    this.routing = new AgencyRouting(registry);
    for (Agency agency : registry.agencies()) {
      pace.put(agency.id(), Draws.between(0.7, 1.6, Seeds.random(seed, "pace", agency.id())));
    }
  }

  Demand draw(String id, String officeId, SettlementProfile profile, LocalDate registeredOn) {
    Settlement settlement = profile.settlement();
    SplittableRandom random = Seeds.random(seed, "demand", officeId, id);
    String category = profile.demandCategories().pick(random);
    String agencyId = routing.agencyFor(category, settlement, random);
    boolean urgent = Draws.chance(URGENCY.getOrDefault(category, 0.1), random);
    int households = householdsAffected(category, random);
    String summary = DemandSummaries.summary(category, random);
    LocalDate referredOn =
        registeredOn.plusDays(Draws.clamp(Math.round(random.nextExponential() * 3), 0, 30));
    double fate = random.nextDouble();
    Steps steps =
        fate < WITHDRAWN
            ? withdrawn(registeredOn, referredOn, random)
            : fate < WITHDRAWN + REJECTED
                ? rejected(referredOn, random)
                : resolved(registeredOn, referredOn, agencyId, urgent, random);
    return new Demand(
        id,
        officeId,
        settlement.id(),
        category,
        agencyId,
        households,
        urgent ? "urgent" : "normal",
        summary,
        registeredOn,
        steps.referredOn(),
        steps.startedOn(),
        steps.closedOn(),
        steps.outcome(),
        steps.confirmedOn());
  }

  /** The steps of a demand's life after its registration; see {@link Demand}. */
  private record Steps(
      LocalDate referredOn,
      LocalDate startedOn,
      LocalDate closedOn,
      String outcome,
      LocalDate confirmedOn) {}

  /** Withdrawn by the residents, half of the time before it was even referred. */
  private static Steps withdrawn(
      LocalDate registeredOn, LocalDate referredOn, SplittableRandom random) {
    if (random.nextBoolean()) {
      LocalDate closedOn = registeredOn.plusDays(2 + Math.round(random.nextExponential() * 20));
      return new Steps(null, null, closedOn, "withdrawn", null);
    }
    LocalDate startedOn =
        random.nextBoolean() ? referredOn.plusDays(Draws.between(2, 20, random)) : null;
    LocalDate last = startedOn == null ? referredOn : startedOn;
    LocalDate closedOn = last.plusDays(5 + Math.round(random.nextExponential() * 25));
    return new Steps(referredOn, startedOn, closedOn, "withdrawn", null);
  }

  /** Rejected by the agency, usually within weeks of the referral. */
  private static Steps rejected(LocalDate referredOn, SplittableRandom random) {
    LocalDate startedOn =
        Draws.chance(0.3, random) ? referredOn.plusDays(Draws.between(2, 20, random)) : null;
    LocalDate last = startedOn == null ? referredOn : startedOn;
    LocalDate closedOn = last.plusDays(3 + Math.round(random.nextExponential() * 20));
    return new Steps(referredOn, startedOn, closedOn, "rejected", null);
  }

  /**
   * Resolved after a time spread around the agency's SLA times its pace (faster when urgent); a few
   * get stuck for several times as long. Most are confirmed with the residents weeks later.
   */
  private Steps resolved(
      LocalDate registeredOn,
      LocalDate plannedReferral,
      String agencyId,
      boolean urgent,
      SplittableRandom random) {
    int slaDays = registry.agency(agencyId).map(Agency::slaDays).orElse(30);
    double median = slaDays * pace.getOrDefault(agencyId, 1.0) * (urgent ? 0.6 : 1);
    double days = Draws.logNormal(median, 0.6, random);
    if (Draws.chance(STUCK, random)) {
      days *= Draws.between(3, 8, random);
    }
    LocalDate closedOn = registeredOn.plusDays(Math.max(1, Math.round(days)));
    LocalDate referredOn = plannedReferral.isAfter(closedOn) ? closedOn : plannedReferral;
    long remaining = closedOn.toEpochDay() - referredOn.toEpochDay();
    LocalDate startedOn =
        remaining > 2 && Draws.chance(0.85, random)
            ? referredOn.plusDays(
                Math.max(1, Math.round(remaining * Draws.between(0.1, 0.5, random))))
            : null;
    LocalDate confirmedOn =
        Draws.chance(CONFIRMED, random) ? closedOn.plusDays(Draws.between(10, 45, random)) : null;
    return new Steps(referredOn, startedOn, closedOn, "resolved", confirmedOn);
  }

  /** Street-wide problems touch many households; documents or welfare usually one. */
  private static int householdsAffected(String category, SplittableRandom random) {
    return switch (category) {
      case "water", "sewage", "electricity", "roads", "waste", "security", "health" ->
          Draws.clamp(Math.round(Draws.logNormal(35, 1.0, random)), 2, 5000);
      case "relocation" -> Draws.between(1, 40, random);
      default -> Draws.chance(0.75, random) ? 1 : Draws.between(2, 15, random);
    };
  }
}
