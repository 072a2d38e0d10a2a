package org.tashil.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tashil.reference.Settlement;

/**
 * The trust-building activities of each office and month: about 1,500 a month province-wide at
 * scale 1. Bigger settlements hold more, though not in proportion; settlements with a hazard zone
 * hold relocation counselling.
 */
final class ActivityLog {

  static final double PER_MONTH = 1_500;

  private final long seed;
  private final double scale;
  private final Map<String, SettlementProfile> profiles;

  ActivityLog(long seed, double scale, Map<String, SettlementProfile> profiles) {
    this.seed = seed;
    this.scale = scale;
    this.profiles = profiles;
  }

  /** The activity weight of a settlement. */
  double weight(Settlement settlement) {
    return Math.sqrt(settlement.estHouseholds()) * profiles.get(settlement.id()).activityRate();
  }

  /**
   * The activities one office reports for a month, in the order they were held.
   *
   * @param totalWeight the weight of every settlement served this month
   */
  List<Activity> held(
      Month month, String officeId, List<Settlement> settlements, double totalWeight) {
    SplittableRandom random = Seeds.random(seed, "activities", month, officeId);
    record Draft(LocalDate on, String settlementId, String kind, int people, int women) {}
    List<Draft> drafts = new ArrayList<>();
    for (Settlement settlement : settlements) {
      SettlementProfile profile = profiles.get(settlement.id());
      Weights kinds = kinds(profile.hazardShare());
      int count = Draws.count(PER_MONTH * scale * weight(settlement) / totalWeight, random);
      for (int i = 0; i < count; i++) {
        String kind = kinds.pick(random);
        int people = participants(kind, random);
        int women = Draws.binomial(people, womenShare(kind), random);
        drafts.add(
            new Draft(
                Draws.day(month.firstDay(), month.lastDay(), random),
                settlement.id(),
                kind,
                people,
                women));
      }
    }
    drafts.sort(Comparator.comparing(Draft::on).thenComparing(Draft::settlementId));
    String prefix = officeId.replaceAll("[^A-Za-z0-9]", "") + "-A" + month.code() + "-";
    List<Activity> activities = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      activities.add(
          new Activity(
              prefix + "%04d".formatted(activities.size() + 1),
              draft.settlementId(),
              draft.on(),
              draft.kind(),
              draft.people(),
              draft.women()));
    }
    return activities;
  }

  private static Weights kinds(double hazardShare) {
    return Weights.builder()
        .add("trustee_meeting", 0.22)
        .add("community_meeting", 0.2)
        .add("workshop", 0.18)
        .add("agency_visit", 0.12)
        .add("relocation_counselling", hazardShare > 0 ? 0.05 + 0.4 * hazardShare : 0.01)
        .add("survey_campaign", 0.1)
        .add("other", 0.05)
        .build();
  }

  private static int participants(String kind, SplittableRandom random) {
    return switch (kind) {
      case "trustee_meeting" -> Draws.between(3, 25, random);
      case "community_meeting" ->
          Draws.clamp(Math.round(Draws.logNormal(60, 0.6, random)), 15, 250);
      case "workshop" -> Draws.between(8, 60, random);
      case "agency_visit" -> Draws.between(3, 20, random);
      case "relocation_counselling" -> Draws.between(3, 30, random);
      case "survey_campaign" -> Draws.between(5, 40, random);
      default -> Draws.between(3, 50, random);
    };
  }

  private static double womenShare(String kind) {
    return switch (kind) {
      case "workshop" -> 0.65;
      case "trustee_meeting", "agency_visit" -> 0.2;
      default -> 0.45;
    };
  }
}
