package org.tashil.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.tashil.calendar.JalaliDate;

/**
 * One household of a settlement, drawn from the seed, the settlement and its number alone, so that
 * the same code always stands for the same household. Its conditions can improve at dates drawn
 * with it (piped water arrives, the meter is installed, the family decides about relocation), so a
 * later survey may find it changed, and never changed back.
 */
record Household(
    String code,
    String settlementId,
    int members,
    int habitableRooms,
    String headSex,
    int headAge,
    String headEmployed,
    String water,
    String sanitation,
    String electricity,
    String pipedGas,
    String walls,
    String tenure,
    int children6To17,
    int childrenInSchool,
    int insuredMembers,
    String hazardZone,
    String relocationConsent,
    Improvement pipedWater,
    Improvement meter,
    Improvement decision,
    Improvement insurance) {

  /** A survey of a household on a day. */
  record Visit(Household household, LocalDate on) {}

  /** A change that happens on a day: the new value of one condition. */
  record Improvement(LocalDate on, String value) {
    static final Improvement NEVER = new Improvement(LocalDate.MAX, null);

    boolean happenedBy(LocalDate date) {
      return !date.isBefore(on);
    }
  }

  private static final List<String> SAFE_WATER =
      List.of("piped_dwelling", "piped_yard", "public_tap", "well_protected");
  private static final double[] SIZES = {
    0.05, 0.12, 0.2, 0.24, 0.18, 0.1, 0.05, 0.03, 0.015, 0.008, 0.004, 0.003
  };
  private static final LocalDate CHANGES_FROM = new JalaliDate(1404, 1, 1).toLocalDate();
  private static final int CHANGE_WINDOW_DAYS = 730;

  static Household draw(SettlementProfile profile, int number, long seed) {
    String settlementId = profile.settlement().id();
    SplittableRandom random = Seeds.random(seed, "household", settlementId, number);
    int members = size(random);
    if (members < 12 && Draws.chance(profile.largeFamily() * 0.3, random)) {
      members++;
    }
    int rooms =
        Draws.chance(0.02 + 0.04 * profile.deprivation(), random)
            ? 0
            : Draws.clamp(
                Math.round(members / Draws.between(1.3, 2.2 + 1.5 * profile.deprivation(), random)),
                1,
                5);
    String headSex = Draws.chance(profile.femaleHead(), random) ? "f" : "m";
    int headAge = Draws.clamp(Math.round(44 + 13 * random.nextGaussian()), 18, 85);
    double employment =
        profile.headEmployed() * (headSex.equals("f") ? 0.6 : 1) * (headAge > 65 ? 0.4 : 1);
    String headEmployed = Draws.chance(employment, random) ? "yes" : "no";
    String water = profile.water().pick(random);
    String sanitation = profile.sanitation().pick(random);
    String electricity = profile.electricity().pick(random);
    String pipedGas = Draws.chance(profile.pipedGas(), random) ? "yes" : "no";
    String walls = profile.walls().pick(random);
    String tenure = profile.tenure().pick(random);
    int children = Math.min(20, Draws.binomial(Math.max(0, members - 1), 0.5, random));
    int inSchool = Draws.binomial(children, profile.inSchool(), random);
    int insured =
        Draws.chance(profile.fullyInsured(), random)
            ? members
            : Draws.binomial(members, 0.35, random);
    boolean hazard = Draws.chance(profile.hazardShare(), random);
    String consent = hazard ? profile.consent().pick(random) : null;
    Improvement pipedWater =
        !SAFE_WATER.contains(water) && Draws.chance(0.3, random)
            ? change(random.nextBoolean() ? "piped_yard" : "piped_dwelling", random)
            : Improvement.NEVER;
    Improvement meter =
        electricity.equals("unmetered") && Draws.chance(0.25, random)
            ? change("metered", random)
            : Improvement.NEVER;
    Improvement decision =
        "undecided".equals(consent) && Draws.chance(0.5, random)
            ? change(Draws.chance(0.6, random) ? "yes" : "no", random)
            : Improvement.NEVER;
    Improvement insurance =
        insured < members && Draws.chance(0.2, random)
            ? change(String.valueOf(members), random)
            : Improvement.NEVER;
    return new Household(
        code(settlementId, number),
        settlementId,
        members,
        rooms,
        headSex,
        headAge,
        headEmployed,
        water,
        sanitation,
        electricity,
        pipedGas,
        walls,
        tenure,
        children,
        inSchool,
        insured,
        hazard ? "yes" : "no",
        consent,
        pipedWater,
        meter,
        decision,
        insurance);
  }

  /** {@code AHV001-H00042}: pseudonymous, stable, and nothing but letters, digits and dashes. */
  static String code(String settlementId, int number) {
    StringBuilder code = new StringBuilder(settlementId.length() + 8);
    for (int i = 0; i < settlementId.length(); i++) {
      char c = settlementId.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        code.append(c);
      }
    }
    String digits = Integer.toString(number);
    code.append("-H");
    code.append("0".repeat(Math.max(0, 5 - digits.length())));
    return code.append(digits).toString();
  }

  /** The household as a survey on {@code date} finds it. */
  HouseholdSurvey surveyedOn(LocalDate date, String surveyId) {
    return new HouseholdSurvey(
        surveyId,
        code,
        settlementId,
        date,
        members,
        habitableRooms,
        headSex,
        headAge,
        headEmployed,
        pipedWater.happenedBy(date) ? pipedWater.value() : water,
        sanitation,
        meter.happenedBy(date) ? meter.value() : electricity,
        pipedGas,
        walls,
        tenure,
        children6To17,
        childrenInSchool,
        insurance.happenedBy(date) ? Integer.parseInt(insurance.value()) : insuredMembers,
        hazardZone,
        decision.happenedBy(date) ? decision.value() : relocationConsent);
  }

  private static Improvement change(String value, SplittableRandom random) {
    return new Improvement(CHANGES_FROM.plusDays(random.nextInt(CHANGE_WINDOW_DAYS)), value);
  }

  private static int size(SplittableRandom random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < SIZES.length; i++) {
      cumulative += SIZES[i];
      if (u < cumulative) {
        return i + 1;
      }
    }
    return 4;
  }
}
