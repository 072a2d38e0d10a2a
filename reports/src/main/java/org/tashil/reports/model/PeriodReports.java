package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every report of one period, as plain values: the province's and each settlement's (in the order
 * given; no settlement twice).
 */
public record PeriodReports(ProvinceReport province, List<SettlementReport> settlements) {

  public PeriodReports {
    requireNonNull(province, "province");
    settlements = List.copyOf(settlements);
    Set<String> seen = new HashSet<>();
    for (SettlementReport settlement : settlements) {
      if (!seen.add(settlement.settlementId())) {
        throw new IllegalArgumentException(
            "settlement " + settlement.settlementId() + " given twice");
      }
    }
  }
}
