package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/**
 * Everything the province's monthly report shows (contract §6). {@code settlements} is every
 * settlement of the registry (kept in rank order, unranked last); {@code relocationBySettlement}
 * the settlements with hazard-zone households; {@code unknownSettlementRows} rows quarantined
 * because they named a settlement not in the registry (they count for the province only); {@code
 * qualityFlags} the offices' and settlements' months out of the ordinary (docs/indicators.md §10),
 * offices first.
 */
public record ProvinceReport(
    ProvinceHeadline headline,
    List<DeprivationShare> deprivations,
    List<OfficeCompleteness> completeness,
    List<SettlementRanking> settlements,
    List<CountyFigures> counties,
    List<AgencyPerformance> agencies,
    List<CategoryFigures> categories,
    List<TrendPoint> trend,
    List<SettlementRelocation> relocationBySettlement,
    List<OfficeNote> dataQuality,
    List<QualityFlag> qualityFlags) {

  public ProvinceReport {
    requireNonNull(headline, "headline");
    deprivations = ReportChecks.allTenDeprivations(deprivations, DeprivationShare::deprivation);
    completeness =
        completeness.stream().sorted(Comparator.comparing(OfficeCompleteness::officeId)).toList();
    settlements =
        settlements.stream()
            .sorted(
                Comparator.comparing(
                        SettlementRanking::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(SettlementRanking::settlementId))
            .toList();
    counties = List.copyOf(counties);
    agencies = List.copyOf(agencies);
    categories = ReportChecks.distinctCategories(categories);
    trend = ReportChecks.trend(trend);
    relocationBySettlement =
        relocationBySettlement.stream()
            .sorted(
                Comparator.comparingLong(
                        (SettlementRelocation row) -> row.relocation().hazardHouseholds())
                    .reversed()
                    .thenComparing(SettlementRelocation::settlementId))
            .toList();
    dataQuality = List.copyOf(dataQuality);
    qualityFlags =
        qualityFlags.stream()
            .sorted(
                Comparator.comparing(QualityFlag::scope)
                    .thenComparing(QualityFlag::key)
                    .thenComparing(QualityFlag::measure))
            .toList();
  }
}
