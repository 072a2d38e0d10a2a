package org.tashil.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tashil.reference.Settlement;

/**
 * The household surveys of each office and month: about 16,700 a month province-wide at scale 1,
 * shared among the settlements of the active offices in proportion to their estimated households.
 * About 8% of surveys revisit a household surveyed in an earlier month, and about 3% arrive late,
 * surveyed in an earlier month than the file's.
 */
final class HouseholdSurveys {

  static final double PER_MONTH = 200_000 / 12.0;
  private static final double RESURVEY = 0.08;
  private static final double LATE = 0.03;
  private static final double IDLE_MONTH = 0.04;

  private final long seed;
  private final double scale;
  private final Map<String, SettlementProfile> profiles;

  /** Households given a code so far, per settlement. */
  private final Map<String, Integer> numbered = new TreeMap<>();

  HouseholdSurveys(long seed, double scale, Map<String, SettlementProfile> profiles) {
    this.seed = seed;
    this.scale = scale;
    this.profiles = profiles;
  }

  /**
   * The surveys one office sends for a month, in the order it did them.
   *
   * @param estimatedHouseholds the estimated households of every settlement served this month
   */
  List<HouseholdSurvey> surveys(
      Month month, String officeId, List<Settlement> settlements, long estimatedHouseholds) {
    SplittableRandom random = Seeds.random(seed, "surveys", month, officeId);
    double intensity =
        Draws.chance(IDLE_MONTH, random) ? 0 : Draws.between(0.6, 1.4, random) / (1 - IDLE_MONTH);
    List<Household.Visit> visits = new ArrayList<>();
    for (Settlement settlement : settlements) {
      double expected =
          PER_MONTH * scale * intensity * settlement.estHouseholds() / estimatedHouseholds;
      visits.addAll(visits(month, settlement, Draws.count(expected, random), random));
    }
    visits.sort(
        Comparator.comparing(Household.Visit::on).thenComparing(visit -> visit.household().code()));
    List<HouseholdSurvey> surveys = new ArrayList<>(visits.size());
    String prefix = officeId.replaceAll("[^A-Za-z0-9]", "") + "-S" + month.code() + "-";
    for (Household.Visit visit : visits) {
      String surveyId = prefix + "%05d".formatted(surveys.size() + 1);
      surveys.add(visit.household().surveyedOn(visit.on(), surveyId));
    }
    return surveys;
  }

  private List<Household.Visit> visits(
      Month month, Settlement settlement, int count, SplittableRandom random) {
    SettlementProfile profile = profiles.get(settlement.id());
    int before = numbered.getOrDefault(settlement.id(), 0);
    int next = before;
    int cap = (int) Math.max(1, Math.round(settlement.estHouseholds() * Math.max(1, scale)));
    Set<Integer> visited = new HashSet<>();
    List<Household.Visit> visits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int number;
      boolean resurvey = before > 0 && (Draws.chance(RESURVEY, random) || next >= cap);
      if (resurvey) {
        number = unvisited(before, visited, random);
        if (number < 0) {
          continue;
        }
      } else if (next < cap) {
        number = ++next;
      } else {
        continue;
      }
      visited.add(number);
      LocalDate on =
          Draws.chance(LATE, random)
              ? Draws.day(month.firstDay().minusDays(45), month.firstDay().minusDays(1), random)
              : Draws.day(month.firstDay(), month.lastDay(), random);
      visits.add(new Household.Visit(Household.draw(profile, number, seed), on));
    }
    numbered.put(settlement.id(), next);
    return visits;
  }

  /** A household numbered 1..{@code before} not yet visited this month, or -1. */
  private static int unvisited(int before, Set<Integer> visited, SplittableRandom random) {
    for (int attempt = 0; attempt < 8; attempt++) {
      int number = 1 + random.nextInt(before);
      if (!visited.contains(number)) {
        return number;
      }
    }
    return -1;
  }
}
