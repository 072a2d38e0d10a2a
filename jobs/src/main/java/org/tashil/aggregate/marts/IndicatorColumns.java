package org.tashil.aggregate.marts;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tashil.aggregate.Deprivation;
import org.tashil.schema.OfficeDataset;

/**
 * The indicator columns that the settlement, county and province marts share (and the agency mart,
 * for the demands'), in their order in those marts: docs/indicators.md §2–§4 say what each means.
 */
public final class IndicatorColumns {

  private IndicatorColumns() {}

  public static final MartColumn HOUSEHOLDS =
      new MartColumn("households", IntegerType, "households counted as of the period (§2)");
  public static final MartColumn PERSONS =
      new MartColumn("persons", LongType, "members of those households");

  private static final Map<Deprivation, MartColumn> DEPRIVED = new EnumMap<>(Deprivation.class);
  private static final Map<Deprivation, MartColumn> DEPRIVED_SHARE =
      new EnumMap<>(Deprivation.class);

  static {
    for (Deprivation deprivation : Deprivation.values()) {
      String key = deprivation.key();
      DEPRIVED.put(
          deprivation,
          new MartColumn("dep_" + key, IntegerType, "households deprived in " + key + " (§2.1)"));
      DEPRIVED_SHARE.put(
          deprivation,
          new MartColumn(
              "dep_" + key + "_share", DoubleType, "dep_" + key + " ÷ households (§2.1)"));
    }
  }

  /** How many households have the deprivation. */
  public static MartColumn deprived(Deprivation deprivation) {
    return DEPRIVED.get(deprivation);
  }

  /** The share of households that have the deprivation. */
  public static MartColumn deprivedShare(Deprivation deprivation) {
    return DEPRIVED_SHARE.get(deprivation);
  }

  public static final MartColumn SLUM_HOUSEHOLDS =
      new MartColumn("slum_households", IntegerType, "slum households (§2.2)");
  public static final MartColumn SLUM_PERSONS =
      new MartColumn("slum_persons", LongType, "persons in slum households");
  public static final MartColumn POOR_HOUSEHOLDS =
      new MartColumn("poor_households", IntegerType, "poor households: score c ≥ 1/3 (§2.3)");
  public static final MartColumn POOR_PERSONS =
      new MartColumn("poor_persons", LongType, "persons in poor households");
  public static final MartColumn POOR_WEIGHTED_SCORE_SIXTIETHS =
      new MartColumn(
          "poor_weighted_score_sixtieths",
          LongType,
          "Σ(members × c) over poor households, c in sixtieths");
  public static final MartColumn HAZARD_HOUSEHOLDS =
      new MartColumn("hazard_households", IntegerType, "households in a hazard zone (§2.4)");
  public static final MartColumn CONSENT_YES =
      new MartColumn("consent_yes", IntegerType, "households that agree to relocate");
  public static final MartColumn CONSENT_NO =
      new MartColumn("consent_no", IntegerType, "households that refuse to relocate");
  public static final MartColumn CONSENT_UNDECIDED =
      new MartColumn("consent_undecided", IntegerType, "households undecided on relocation");

  /** What a level adds up over its households; zero, never null, where it has none. */
  public static final List<MartColumn> HOUSEHOLD_SUMS = householdSums();

  public static final MartColumn DEMANDS_NEW =
      new MartColumn("demands_new", IntegerType, "demands registered in the period (§3)");
  public static final MartColumn DEMANDS_RESOLVED =
      new MartColumn("demands_resolved", IntegerType, "demands resolved in the period");
  public static final MartColumn DEMANDS_REJECTED =
      new MartColumn("demands_rejected", IntegerType, "demands rejected in the period");
  public static final MartColumn DEMANDS_WITHDRAWN =
      new MartColumn("demands_withdrawn", IntegerType, "demands withdrawn in the period");
  public static final MartColumn DEMANDS_OPEN =
      new MartColumn("demands_open", IntegerType, "demands open at the period's end");
  public static final MartColumn OPEN_AGE_0_30 =
      new MartColumn("open_age_0_30", IntegerType, "open demands aged 0–30 days");
  public static final MartColumn OPEN_AGE_31_90 =
      new MartColumn("open_age_31_90", IntegerType, "open demands aged 31–90 days");
  public static final MartColumn OPEN_AGE_91_180 =
      new MartColumn("open_age_91_180", IntegerType, "open demands aged 91–180 days");
  public static final MartColumn OPEN_AGE_OVER_180 =
      new MartColumn("open_age_over_180", IntegerType, "open demands aged over 180 days");
  public static final MartColumn SLA_MET =
      new MartColumn("sla_met", IntegerType, "demands resolved in the period within the SLA");
  public static final MartColumn OPEN_OVERDUE =
      new MartColumn("open_overdue", IntegerType, "open demands older than the agency's SLA");
  public static final MartColumn HOUSEHOLDS_AFFECTED_OPEN =
      new MartColumn(
          "households_affected_open", LongType, "households affected by the open demands");

  /** What a level or an agency adds up over its demands; zero, never null, where it has none. */
  public static final List<MartColumn> DEMAND_SUMS =
      List.of(
          DEMANDS_NEW,
          DEMANDS_RESOLVED,
          DEMANDS_REJECTED,
          DEMANDS_WITHDRAWN,
          DEMANDS_OPEN,
          OPEN_AGE_0_30,
          OPEN_AGE_31_90,
          OPEN_AGE_91_180,
          OPEN_AGE_OVER_180,
          SLA_MET,
          OPEN_OVERDUE,
          HOUSEHOLDS_AFFECTED_OPEN);

  public static final MartColumn DEMANDS_OPEN_START =
      new MartColumn(
          "demands_open_start",
          IntegerType,
          "demands open at the previous period's end, as its figures counted them (§3.1)");
  public static final MartColumn DEMANDS_LATE_ADDED =
      new MartColumn(
          "demands_late_added",
          IntegerType,
          "open demands added by reports sent late or corrected (§3.1)");
  public static final MartColumn DEMANDS_LATE_REMOVED =
      new MartColumn(
          "demands_late_removed",
          IntegerType,
          "open demands removed by reports sent late or corrected (§3.1)");

  /**
   * The month's balance of open demands beside {@link #DEMAND_SUMS}: open at the start + new −
   * resolved − rejected − withdrawn + late added − late removed = open at the end, for every level.
   */
  public static final List<MartColumn> BALANCE =
      List.of(DEMANDS_OPEN_START, DEMANDS_LATE_ADDED, DEMANDS_LATE_REMOVED);

  public static final MartColumn OLDEST_OPEN_DAYS =
      new MartColumn("oldest_open_days", IntegerType, "the oldest open demand's age in days");
  public static final MartColumn DAYS_TO_RESOLVE_MEDIAN =
      new MartColumn(
          "days_to_resolve_median", DoubleType, "median days to resolve (exact, interpolated)");
  public static final MartColumn DAYS_TO_RESOLVE_P90 =
      new MartColumn(
          "days_to_resolve_p90", DoubleType, "90th percentile of days to resolve (interpolated)");

  public static final MartColumn ACTIVITIES =
      new MartColumn("activities", IntegerType, "activities held in the period (§4)");
  public static final MartColumn PARTICIPANTS =
      new MartColumn("participants", LongType, "their participants");
  public static final MartColumn WOMEN_PARTICIPANTS =
      new MartColumn("women_participants", LongType, "their women participants");

  /** The activities' sums. */
  public static final List<MartColumn> ACTIVITY_SUMS =
      List.of(ACTIVITIES, PARTICIPANTS, WOMEN_PARTICIPANTS);

  private static final Map<OfficeDataset, MartColumn> ROWS_ACCEPTED =
      new EnumMap<>(OfficeDataset.class);
  private static final Map<OfficeDataset, MartColumn> ROWS_QUARANTINED =
      new EnumMap<>(OfficeDataset.class);

  static {
    for (OfficeDataset dataset : OfficeDataset.values()) {
      String name = dataset.tableName();
      ROWS_ACCEPTED.put(
          dataset,
          new MartColumn(
              "rows_accepted_" + name, IntegerType, name + " rows accepted in the period"));
      ROWS_QUARANTINED.put(
          dataset,
          new MartColumn(
              "rows_quarantined_" + name, IntegerType, name + " rows quarantined in the period"));
    }
  }

  /** A dataset's rows accepted in the period, by the settlement each names. */
  public static MartColumn rowsAccepted(OfficeDataset dataset) {
    return ROWS_ACCEPTED.get(dataset);
  }

  /** A dataset's rows quarantined in the period, by the settlement each names. */
  public static MartColumn rowsQuarantined(OfficeDataset dataset) {
    return ROWS_QUARANTINED.get(dataset);
  }

  /** The period's rows by dataset, accepted and quarantined. */
  public static final List<MartColumn> ROW_SUMS = rowSums();

  public static final MartColumn COVERAGE =
      new MartColumn("coverage", DoubleType, "households ÷ estimated households (§2)");
  public static final MartColumn SLUM_HOUSEHOLDS_SHARE =
      new MartColumn("slum_households_share", DoubleType, "slum households ÷ households (§2.2)");
  public static final MartColumn SLUM_PERSONS_SHARE =
      new MartColumn("slum_persons_share", DoubleType, "slum persons ÷ persons (SDG 11.1.1)");
  public static final MartColumn H =
      new MartColumn("h", DoubleType, "headcount ratio: poor persons ÷ persons (§2.3)");
  public static final MartColumn A =
      new MartColumn("a", DoubleType, "intensity: Σ(members × c) ÷ poor persons (0 if none)");
  public static final MartColumn M0 =
      new MartColumn("m0", DoubleType, "the deprivation index M0 = H × A (§2.3)");
  public static final MartColumn SLA_MET_SHARE =
      new MartColumn("sla_met_share", DoubleType, "sla_met ÷ demands_resolved (§3)");

  /** The household shares and indices, derived from the sums. */
  public static final List<MartColumn> HOUSEHOLD_SHARES = householdShares();

  /**
   * Every indicator column of a settlement, county or province, in the marts' order: the sums, the
   * statistics beside the oldest open demand's age, then the shares.
   */
  public static final List<MartColumn> LEVEL =
      MartColumns.concat(
          HOUSEHOLD_SUMS,
          DEMAND_SUMS,
          BALANCE,
          List.of(OLDEST_OPEN_DAYS, DAYS_TO_RESOLVE_MEDIAN, DAYS_TO_RESOLVE_P90),
          ACTIVITY_SUMS,
          ROW_SUMS,
          HOUSEHOLD_SHARES,
          List.of(SLA_MET_SHARE));

  /** Every count of a level: zero, never null, for an entity without data. */
  public static final List<MartColumn> LEVEL_COUNTS =
      MartColumns.concat(HOUSEHOLD_SUMS, DEMAND_SUMS, BALANCE, ACTIVITY_SUMS, ROW_SUMS);

  private static List<MartColumn> householdSums() {
    List<MartColumn> sums = new ArrayList<>(List.of(HOUSEHOLDS, PERSONS));
    for (Deprivation deprivation : Deprivation.values()) {
      sums.add(deprived(deprivation));
    }
    sums.addAll(
        List.of(
            SLUM_HOUSEHOLDS,
            SLUM_PERSONS,
            POOR_HOUSEHOLDS,
            POOR_PERSONS,
            POOR_WEIGHTED_SCORE_SIXTIETHS,
            HAZARD_HOUSEHOLDS,
            CONSENT_YES,
            CONSENT_NO,
            CONSENT_UNDECIDED));
    return List.copyOf(sums);
  }

  private static List<MartColumn> rowSums() {
    List<MartColumn> sums = new ArrayList<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      sums.add(rowsAccepted(dataset));
      sums.add(rowsQuarantined(dataset));
    }
    return List.copyOf(sums);
  }

  private static List<MartColumn> householdShares() {
    List<MartColumn> shares = new ArrayList<>(List.of(COVERAGE));
    for (Deprivation deprivation : Deprivation.values()) {
      shares.add(deprivedShare(deprivation));
    }
    shares.addAll(List.of(SLUM_HOUSEHOLDS_SHARE, SLUM_PERSONS_SHARE, H, A, M0));
    return List.copyOf(shares);
  }
}
