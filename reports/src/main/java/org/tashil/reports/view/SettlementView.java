package org.tashil.reports.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tashil.reports.model.DeprivationComparison;
import org.tashil.reports.model.OpenDemand;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementHeader;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.view.Rows.ChartPoint;
import org.tashil.reports.view.Rows.DeprivationRow;
import org.tashil.reports.view.Rows.NoteRow;
import org.tashil.reports.view.Rows.OpenDemandRow;

/**
 * A settlement's report as the template's parameters: every figure worded in the report's language,
 * every table as rows, every chart as points.
 */
public final class SettlementView {

  private SettlementView() {}

  /** The fill parameters (without the compiled subreports and styles, which the renderer adds). */
  public static Map<String, Object> parameters(SettlementReport report, RenderContext context) {
    Wording wording = new Wording(context);
    SettlementHeader header = report.header();
    String name = header.settlement().in(wording.language);
    Map<String, Object> parameters =
        wording.common(
            wording.labels.format("title.settlement", name),
            wording.labels.format(
                "subtitle.settlement",
                header.city().in(wording.language),
                header.county().in(wording.language),
                header.office().in(wording.language)));
    parameters.put("SETTLEMENT", wording.format("value.with_id", name, header.settlementId()));
    parameters.put("CITY", wording.text(header.city().in(wording.language)));
    parameters.put("COUNTY", wording.text(header.county().in(wording.language)));
    parameters.put("OFFICE", wording.text(header.office().in(wording.language)));

    var figures = report.keyFigures();
    parameters.put("EST_POPULATION", wording.number(figures.estimatedPopulation()));
    parameters.put("EST_HOUSEHOLDS", wording.number(figures.estimatedHouseholds()));
    parameters.put("HOUSEHOLDS", wording.number(figures.households()));
    parameters.put("COVERAGE", wording.share(figures.coverage()));

    Figures.poverty(parameters, report.poverty(), wording);
    parameters.put(
        "RANK",
        report.rank() == null
            ? org.tashil.reports.text.Formats.DASH
            : wording.format("value.rank", report.rank().position(), report.rank().among()));
    Figures.demands(parameters, report.demands(), wording);
    Figures.relocation(parameters, report.relocation(), wording);
    Figures.activities(parameters, report.activities(), wording);

    parameters.put("DEPRIVATION_ROWS", deprivationRows(report, wording));
    parameters.put("DEPRIVATION_POINTS", deprivationPoints(report, wording));
    Figures.categoriesAndTrend(parameters, report.categories(), report.trend(), wording);
    if (report.demands().files().noFile()) {
      Figures.categoriesWithoutFile(parameters, wording);
    }
    parameters.put("OPEN_DEMAND_ROWS", openDemandRows(report, wording));
    parameters.put(
        "DAYS_OPEN_HEADER",
        wording.format("column.days_open_at", wording.calendar.date(context.period().lastDay())));
    parameters.put(
        "NOTE_ROWS",
        report.dataQuality().stream()
            .map(note -> new NoteRow(wording.notes.sentence(note)))
            .toList());
    parameters.put("FILES_DUE", wording.filesDue("quality.expected.settlement"));
    wording.definitions(parameters, Definition.SETTLEMENT);
    return parameters;
  }

  static List<DeprivationRow> deprivationRows(SettlementReport report, Wording wording) {
    return report.deprivations().stream()
        .map(
            row ->
                new DeprivationRow(
                    wording.text(wording.label(row.deprivation().labelKey())),
                    wording.share(row.settlement()),
                    wording.share(row.province())))
        .toList();
  }

  static List<ChartPoint> deprivationPoints(SettlementReport report, Wording wording) {
    String settlement = wording.label("series.settlement");
    String province = wording.label("series.province");
    List<ChartPoint> points = new ArrayList<>();
    for (DeprivationComparison row : report.deprivations()) {
      String category = wording.label(row.deprivation().labelKey());
      points.add(Figures.sharePoint(settlement, category, row.settlement(), wording));
      points.add(Figures.sharePoint(province, category, row.province(), wording));
    }
    return points;
  }

  static List<OpenDemandRow> openDemandRows(SettlementReport report, Wording wording) {
    return report.oldestOpenDemands().stream()
        .limit(SettlementReport.OLDEST_OPEN_PRINTED)
        .map(
            (OpenDemand demand) ->
                new OpenDemandRow(
                    demand.demandId(),
                    wording.label(demand.category().labelKey()),
                    wording.text(demand.agency().in(wording.language)),
                    wording.number(demand.daysOpen())))
        .toList();
  }
}
