package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every report of one period, as plain values: the province's, each settlement's, each agency's and
 * each active office's (in the order given; none twice).
 */
public record PeriodReports(
    ProvinceReport province,
    List<SettlementReport> settlements,
    List<AgencyReport> agencies,
    List<OfficeReport> offices) {

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
    offices = List.copyOf(offices);
    Set<String> officeIds = new HashSet<>();
    for (OfficeReport office : offices) {
      if (!officeIds.add(office.officeId())) {
        throw new IllegalArgumentException("office " + office.officeId() + " given twice");
      }
    }
  }

  /** The province's and the settlements' reports, without agency or office reports. */
  public PeriodReports(ProvinceReport province, List<SettlementReport> settlements) {
    this(province, settlements, List.of(), List.of());
  }
}
