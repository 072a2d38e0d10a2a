package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tashil.reports.model.AgencyDemand;
import org.tashil.reports.model.AgencyPerformance;
import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.AgencyTrendPoint;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.view.Rows.AgencyDemandRow;
import org.tashil.reports.view.Rows.ChartPoint;

/**
 * An agency's follow-up report as the template's parameters: its figures of the month worded in the
 * report's language, its trend as chart points, and every open demand as a table row under the
 * headings of its county and settlement.
 */
public final class AgencyView {

  private AgencyView() {}

  /** The fill parameters (without the compiled subreports and styles, which the renderer adds). */
  public static Map<String, Object> parameters(AgencyReport report, RenderContext context) {
    Wording wording = new Wording(context);
    AgencyPerformance agency = report.performance();
    String name = agency.agency().in(wording.language);
    String slaDays = wording.number(agency.slaDays());
    Map<String, Object> parameters =
        wording.common(
            wording.labels.format("title.agency", name),
            wording.labels.format("subtitle.agency", slaDays));
    parameters.put("AGENCY", wording.format("value.with_id", name, agency.agencyId()));
    parameters.put("SLA_DAYS", wording.format("value.days", slaDays));

    parameters.put("DEMANDS_OPEN", wording.number(agency.open()));
    parameters.put("DEMANDS_OVERDUE", wording.number(agency.openOverdue()));
    parameters.put("DEMANDS_NEW", wording.number(agency.newDemands()));
    parameters.put("DEMANDS_RESOLVED", wording.number(agency.resolved()));
    parameters.put("MEDIAN_DAYS", wording.formats.decimal(agency.medianDaysToResolve()));
    parameters.put("P90_DAYS", wording.formats.decimal(report.p90DaysToResolve()));
    parameters.put("SLA_MET", wording.formats.percent(agency.slaMetShare()));
    parameters.put("OLDEST_OPEN", wording.formats.number(agency.oldestOpenDays()));

    List<AgencyTrendPoint> trend = report.trend();
    ReportPeriod first = trend.isEmpty() ? context.period() : trend.get(0).period();
    ReportPeriod last = trend.isEmpty() ? context.period() : trend.get(trend.size() - 1).period();
    parameters.put(
        "TREND_TITLE",
        wording.format(
            "section.agency_trend", wording.calendar.month(first), wording.calendar.month(last)));
    parameters.put("TREND_POINTS", trendPoints(trend, wording));

    String asOf = wording.calendar.date(report.asOf());
    parameters.put("OPEN_NOTE", wording.format("note.agency_open", asOf, slaDays));
    parameters.put("DAYS_OPEN_HEADER", wording.format("column.days_open_to", asOf));
    parameters.put("DEMAND_ROWS", demandRows(report, wording));
    parameters.put("FOOTNOTES", wording.text(wording.label("footnote.agency")));
    return parameters;
  }

  /**
   * Open and overdue at each month's end, in the page's reading direction as the settlement trend
   * ({@code Figures.monthPoints}): latest first in Persian, so that it stands at the left; the
   * latest month's points carry their values.
   */
  static List<ChartPoint> trendPoints(List<AgencyTrendPoint> trend, Wording wording) {
    String open = wording.label("series.open");
    String overdue = wording.label("series.overdue");
    List<AgencyTrendPoint> ordered = new ArrayList<>(trend);
    ordered.sort(java.util.Comparator.comparing(AgencyTrendPoint::period));
    ReportPeriod latest = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).period();
    if (wording.language.rightToLeft()) {
      java.util.Collections.reverse(ordered);
    }
    List<ChartPoint> points = new ArrayList<>();
    for (AgencyTrendPoint point : ordered) {
      // "Ordibehesht 05" on two lines: twelve months side by side leave each little width.
      String month = wording.calendar.shortMonth(point.period()).replace(' ', '\n');
      boolean labelled = point.period().equals(latest);
      points.add(
          new ChartPoint(
              open, month, (double) point.open(), labelled ? wording.number(point.open()) : ""));
      points.add(
          new ChartPoint(
              overdue,
              month,
              (double) point.overdue(),
              labelled ? wording.number(point.overdue()) : ""));
    }
    return points;
  }

  /** Every open demand, in the report's order, with its groups' headings and their counts. */
  static List<AgencyDemandRow> demandRows(AgencyReport report, Wording wording) {
    Map<String, long[]> counties = new HashMap<>();
    Map<String, long[]> settlements = new HashMap<>();
    for (AgencyDemand demand : report.openDemands()) {
      count(counties.computeIfAbsent(demand.county().english(), key -> new long[2]), demand);
      count(settlements.computeIfAbsent(demand.settlementId(), key -> new long[2]), demand);
    }
    List<AgencyDemandRow> rows = new ArrayList<>();
    for (AgencyDemand demand : report.openDemands()) {
      long[] county = counties.get(demand.county().english());
      long[] settlement = settlements.get(demand.settlementId());
      String daysOpen = wording.number(demand.daysOpen());
      rows.add(
          new AgencyDemandRow(
              demand.county().english(),
              wording.format(
                  "group.county",
                  demand.county().in(wording.language),
                  wording.number(county[0]),
                  wording.number(county[1])),
              demand.settlementId(),
              wording.format(
                  "group.settlement",
                  demand.settlement().in(wording.language),
                  demand.settlementId(),
                  wording.number(settlement[0]),
                  wording.number(settlement[1])),
              demand.demandId(),
              demand.officeId(),
              wording.label(demand.category().labelKey()),
              // Only the urgent ones say so: among thousands of rows, they stand out.
              demand.urgent() ? wording.label("priority.urgent") : "",
              demand.urgent(),
              wording.label(demand.status().labelKey()),
              wording.text(wording.calendar.date(demand.registeredOn())),
              demand.overdue() ? wording.format("value.overdue_days", daysOpen) : daysOpen,
              demand.overdue(),
              wording.number(demand.householdsAffected())));
    }
    return rows;
  }

  /** Adds the demand to its group's counts: open, overdue. */
  private static void count(long[] counts, AgencyDemand demand) {
    counts[0]++;
    if (demand.overdue()) {
      counts[1]++;
    }
  }
}
