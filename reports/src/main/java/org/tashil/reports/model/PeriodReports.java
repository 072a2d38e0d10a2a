package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every report of one period, as plain values: the province's, each settlement's and each agency's
 * (in the order given; no settlement or agency twice).
 */
public record PeriodReports(
    ProvinceReport province, List<SettlementReport> settlements, List<AgencyReport> agencies) {

  public PeriodReports {
    requireNonNull(province, "province");
    settlements = List.copyOf(settlements);
    agencies = List.copyOf(agencies);
    Set<String> seen = new HashSet<>();
    for (SettlementReport settlement : settlements) {
      if (!seen.add(settlement.settlementId())) {
        throw new IllegalArgumentException(
            "settlement " + settlement.settlementId() + " given twice");
      }
    }
    Set<String> agencyIds = new HashSet<>();
    for (AgencyReport agency : agencies) {
      if (!agencyIds.add(agency.agencyId())) {
        throw new IllegalArgumentException("agency " + agency.agencyId() + " given twice");
      }
    }
  }

  /** The province's and the settlements' reports, without agency reports. */
  public PeriodReports(ProvinceReport province, List<SettlementReport> settlements) {
    this(province, settlements, List.of());
  }
}
