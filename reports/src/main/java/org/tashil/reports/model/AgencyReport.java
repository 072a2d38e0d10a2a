package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one agency's follow-up report shows (contract §6), as plain values read from the
 * marts: its figures of the period ({@code performance}, and the 90th percentile of the days to
 * resolve, null when nothing was resolved), its open and overdue demands over up to the last twelve
 * periods ({@code trend}, kept in time order), and every demand routed to it that is open at {@code
 * asOf}, the period's last day (kept by county, then settlement, oldest first: counties by their
 * English name and settlements by id, the same order in both languages).
 */
public record AgencyReport(
    AgencyPerformance performance,
    Double p90DaysToResolve,
    LocalDate asOf,
    List<AgencyTrendPoint> trend,
    List<AgencyDemand> openDemands) {

  /** Grouped by county and settlement; oldest first within a settlement (ties by office, id). */
  static final Comparator<AgencyDemand> GROUPED_OLDEST_FIRST =
      Comparator.comparing((AgencyDemand demand) -> demand.county().english())
          .thenComparing(AgencyDemand::settlementId)
          .thenComparing(Comparator.comparingLong(AgencyDemand::daysOpen).reversed())
          .thenComparing(AgencyDemand::officeId)
          .thenComparing(AgencyDemand::demandId);

  public AgencyReport {
    requireNonNull(performance, "performance");
    Counts.requireDays(p90DaysToResolve, "p90DaysToResolve");
    requireNonNull(asOf, "asOf");
    trend = ReportChecks.trend(trend, AgencyTrendPoint::period);
    openDemands = openDemands.stream().sorted(GROUPED_OLDEST_FIRST).toList();
  }

  public String agencyId() {
    return performance.agencyId();
  }
}
