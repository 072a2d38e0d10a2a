package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/**
 * Everything one settlement's monthly report shows (contract §6), as plain values read from the
 * marts. {@code deprivations} holds the ten deprivations (any order; kept in the reports' order);
 * {@code categories} the demand categories (missing ones print as zero); {@code trend} up to the
 * last twelve periods; {@code oldestOpenDemands} the oldest open demands (kept oldest first; the
 * report prints the first {@link #OLDEST_OPEN_PRINTED}); {@code rank} is null when the settlement
 * has no M0.
 */
public record SettlementReport(
    SettlementHeader header,
    KeyFigures keyFigures,
    List<DeprivationComparison> deprivations,
    Poverty poverty,
    Rank rank,
    DemandFigures demands,
    List<CategoryFigures> categories,
    List<TrendPoint> trend,
    List<OpenDemand> oldestOpenDemands,
    Relocation relocation,
    Activities activities,
    List<DataQualityNote> dataQuality) {

  public static final int OLDEST_OPEN_PRINTED = 10;

  public SettlementReport {
    requireNonNull(header, "header");
    requireNonNull(keyFigures, "keyFigures");
    requireNonNull(poverty, "poverty");
    requireNonNull(demands, "demands");
    requireNonNull(relocation, "relocation");
    requireNonNull(activities, "activities");
    deprivations =
        ReportChecks.allTenDeprivations(deprivations, DeprivationComparison::deprivation);
    categories = ReportChecks.distinctCategories(categories);
    trend = ReportChecks.trend(trend);
    oldestOpenDemands =
        oldestOpenDemands.stream()
            .sorted(
                Comparator.comparingLong(OpenDemand::daysOpen)
                    .reversed()
                    .thenComparing(OpenDemand::demandId))
            .toList();
    dataQuality = List.copyOf(dataQuality);
  }

  public String settlementId() {
    return header.settlementId();
  }
}
