package org.tashil.reports.view;

import java.util.List;
import java.util.Map;
import org.tashil.reports.model.Arrival;
import org.tashil.reports.model.ProvinceHeadline;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.Relocation;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.text.Formats;
import org.tashil.reports.view.Rows.AgencyRow;
import org.tashil.reports.view.Rows.ChartPoint;
import org.tashil.reports.view.Rows.CompletenessRow;
import org.tashil.reports.view.Rows.CountyRow;
import org.tashil.reports.view.Rows.OfficeNoteRow;
import org.tashil.reports.view.Rows.RankingRow;
import org.tashil.reports.view.Rows.RelocationRow;

/** The province's report as the template's parameters. */
public final class ProvinceView {

  private ProvinceView() {}

  /** The fill parameters (without the compiled subreports and styles, which the renderer adds). */
  public static Map<String, Object> parameters(ProvinceReport report, RenderContext context) {
    Wording wording = new Wording(context);
    Map<String, Object> parameters =
        wording.common(wording.label("title.province"), wording.label("subtitle.province"));
    ProvinceHeadline headline = report.headline();
    parameters.put("SETTLEMENTS", wording.number(headline.settlements()));
    parameters.put("EST_POPULATION", wording.number(headline.keyFigures().estimatedPopulation()));
    parameters.put("HOUSEHOLDS", wording.number(headline.keyFigures().households()));
    parameters.put("COVERAGE", wording.share(headline.keyFigures().coverage()));
    parameters.put("ACTIVE_OFFICES", wording.number(headline.activeOffices()));
    parameters.put("COMPLETENESS", wording.formats.percent(headline.completeness()));
    parameters.put("TIMELINESS", wording.formats.percent(headline.timeliness()));
    Figures.poverty(parameters, headline.poverty(), wording);
    Figures.demands(parameters, headline.demands(), wording);
    Figures.relocation(parameters, headline.relocation(), wording);
    Figures.activities(parameters, headline.activities(), wording);

    String province = wording.label("series.province");
    List<ChartPoint> deprivations =
        report.deprivations().stream()
            .map(
                row ->
                    Figures.sharePoint(
                        province,
                        wording.label(row.deprivation().labelKey()),
                        row.share(),
                        wording))
            .toList();
    parameters.put("DEPRIVATION_POINTS", deprivations);
    parameters.put("COMPLETENESS_ROWS", completenessRows(report, wording));
    parameters.put("RANKING_ROWS", rankingRows(report, wording));
    parameters.put("COUNTY_ROWS", countyRows(report, wording));
    parameters.put("AGENCY_ROWS", agencyRows(report, wording));
    Figures.categoriesAndTrend(parameters, report.categories(), report.trend(), wording);
    if (headline.demands().files().noFile()) {
      Figures.categoriesWithoutFile(parameters, wording);
    }
    parameters.put("RELOCATION_ROWS", relocationRows(report, wording));
    parameters.put(
        "NOTE_ROWS",
        report.dataQuality().stream()
            .map(
                note ->
                    new OfficeNoteRow(
                        wording.text(note.office().in(wording.language)),
                        wording.notes.sentence(note.note())))
            .toList());
    parameters.put("FILES_DUE", wording.filesDue("quality.expected.province"));
    wording.definitions(parameters, Definition.PROVINCE);
    parameters.put("FLAG_ROWS", OfficeView.flagRows(report.qualityFlags(), wording));
    return parameters;
  }

  static List<CompletenessRow> completenessRows(ProvinceReport report, Wording wording) {
    return report.completeness().stream()
        .map(
            office ->
                new CompletenessRow(
                    wording.text(office.office().in(wording.language)),
                    wording.number(office.settlementsServed()),
                    wording.label(office.households().labelKey()),
                    alert(office.households()),
                    wording.label(office.demands().labelKey()),
                    alert(office.demands()),
                    wording.label(office.activities().labelKey()),
                    alert(office.activities()),
                    wording.number(office.rowsRead()),
                    wording.number(office.rowsQuarantined())))
        .toList();
  }

  /** Printed in red: the file was due and did not arrive, or could not be read. */
  static boolean alert(Arrival arrival) {
    return switch (arrival) {
      case MISSING, REJECTED -> true;
      case ON_TIME, LATE, NOT_DUE -> false;
    };
  }

  static List<RankingRow> rankingRows(ProvinceReport report, Wording wording) {
    return report.settlements().stream()
        .map(
            row ->
                new RankingRow(
                    row.rank() == null ? Formats.DASH : wording.number(row.rank()),
                    wording.text(row.settlement().in(wording.language)),
                    wording.text(row.county().in(wording.language)),
                    wording.number(row.households()),
                    wording.share(row.coverage()),
                    wording.share(row.slumHouseholds()),
                    wording.formats.index(row.index())))
        .toList();
  }

  static List<CountyRow> countyRows(ProvinceReport report, Wording wording) {
    return report.counties().stream()
        .map(
            row ->
                new CountyRow(
                    wording.text(row.county().in(wording.language)),
                    wording.number(row.settlements()),
                    wording.number(row.households()),
                    wording.share(row.coverage()),
                    wording.share(row.slumHouseholds()),
                    wording.formats.index(row.index()),
                    wording.number(row.newDemands()),
                    wording.number(row.openDemands())))
        .toList();
  }

  static List<AgencyRow> agencyRows(ProvinceReport report, Wording wording) {
    return report.agencies().stream()
        .map(
            row ->
                new AgencyRow(
                    wording.text(row.agency().in(wording.language)),
                    wording.number(row.slaDays()),
                    wording.number(row.newDemands()),
                    wording.number(row.resolved()),
                    wording.number(row.open()),
                    wording.number(row.openOverdue()),
                    wording.formats.decimal(row.medianDaysToResolve()),
                    wording.formats.percent(row.slaMetShare()),
                    wording.formats.number(row.oldestOpenDays())))
        .toList();
  }

  static List<RelocationRow> relocationRows(ProvinceReport report, Wording wording) {
    return report.relocationBySettlement().stream()
        .filter(row -> row.relocation().hazardHouseholds() > 0)
        .map(
            row -> {
              Relocation relocation = row.relocation();
              return new RelocationRow(
                  wording.text(row.settlement().in(wording.language)),
                  wording.number(relocation.hazardHouseholds()),
                  wording.countWithShare(relocation.consentYes(), relocation.yesShare()),
                  wording.countWithShare(relocation.consentNo(), relocation.noShare()),
                  wording.countWithShare(
                      relocation.consentUndecided(), relocation.undecidedShare()));
            })
        .toList();
  }
}
