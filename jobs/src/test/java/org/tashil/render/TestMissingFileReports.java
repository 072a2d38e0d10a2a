package org.tashil.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.aggregate.IndicatorWarehouse;
import org.tashil.calendar.Period;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.model.TrendPoint;
import org.tashil.reports.render.ReportRenderer;

/**
 * Missing is not zero, and the month's balance, from the marts of the hand-made province
 * (src/test/resources/indicators) to the filled reports: in 1405-08 OF-A sent its demands and
 * activities, OF-B (T-003) sent nothing, OF-C (T-004, opened 1405/08/15) only its activities.
 */
class TestMissingFileReports {

  private static final String RLM = "\u200F";
  private static List<SettlementReport> settlements;
  private static ProvinceReport province;
  private static ReportRenderer renderer;

  @BeforeAll
  static void readTheMarts() {
    ReportInputs inputs =
        ReportInputs.read(
            IndicatorWarehouse.warehouse(), IndicatorWarehouse.registry(), Period.parse("1405-08"));
    settlements = inputs.settlementReports();
    province = inputs.provinceReport();
    renderer = ReportRenderer.withCompiledTemplates();
  }

  private static SettlementReport settlement(String id) {
    return settlements.stream()
        .filter(report -> report.settlementId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> texts(JasperPrint print) {
    List<String> texts = new java.util.ArrayList<>();
    for (JRPrintPage page : print.getPages()) {
      collect(page.getElements(), texts);
    }
    return texts.stream().map(text -> text.replace(RLM, "").replace('\u00A0', ' ')).toList();
  }

  private static void collect(List<JRPrintElement> elements, List<String> texts) {
    for (JRPrintElement element : elements) {
      if (element instanceof JRPrintText text && text.getFullText() != null) {
        texts.add(text.getFullText());
      }
      if (element instanceof JRPrintFrame frame) {
        collect(frame.getElements(), texts);
      }
    }
  }

  private static RenderContext context(Language language) {
    return new RenderContext(
        language,
        "run-test",
        1,
        LocalDate.of(2026, 11, 27),
        1,
        new ReportPeriod(1405, 8),
        RenderContext.DEFAULT_SUPPRESSION_THRESHOLD);
  }

  @Test
  void aSettlementWhoseOfficeSentNoDemandsFileHasNoFlowsNotZero() {
    SettlementReport silent = settlement("T-003");
    assertThat(silent.demands().files().noFile()).isTrue();
    assertThat(silent.demands().files().lastFile()).isNull();
    assertThat(silent.activities().files().noFile()).isTrue();
    List<String> persian = texts(renderer.fill(silent, context(Language.PERSIAN)));
    assertThat(persian.stream().filter("بدون فایل"::equals).count()).isGreaterThanOrEqualTo(6);
    assertThat(persian)
        .contains(
            "هنوز فایلی از دفتر نرسیده است",
            "بدون فایل مطالبات این ماه تراز ماه در دست نیست: جدید و بسته‌شدهٔ این ماه معلوم نیست.");
    // Every month of its trend lacks the file: no new or resolved figure in any.
    assertThat(silent.trend())
        .hasSize(3)
        .allMatch(TrendPoint::missing)
        .allMatch(point -> point.newDemands() == null);
  }

  @Test
  void anOfficeThatSentItsActivitiesButNotItsDemandsShowsTheActivities() {
    SettlementReport gamma = settlement("T-004");
    assertThat(gamma.demands().files().noFile()).isTrue();
    assertThat(gamma.activities().files().noFile()).isFalse();
    List<String> english = texts(renderer.fill(gamma, context(Language.ENGLISH)));
    assertThat(english).contains("no file", "1", "8").doesNotContain("No activities file");
    // OF-C opened on 1405/08/15: in 1405-06 and 1405-07 nothing was due, nothing is missing.
    assertThat(gamma.trend()).extracting(TrendPoint::missing).containsExactly(false, false, true);
  }

  @Test
  void theBalanceLineOfASettlementAndOfTheProvince() {
    // T-001: D1, D2, D4 open at 1405-07's end; D5 new and rejected; D1 and D2 resolved; D4 open.
    List<String> settlement = texts(renderer.fill(settlement("T-001"), context(Language.PERSIAN)));
    assertThat(settlement)
        .contains("۳ باز در آغاز + ۱ جدید − ۲ حل‌شده − ۱ ردشده − ۰ منصرف‌شده = ۱ باز در پایان")
        .doesNotContain("بدون فایل");
    // The province adds D3 (T-002), new and open; OF-B and OF-C sent no demands file.
    List<String> provincial = texts(renderer.fill(province, context(Language.PERSIAN)));
    assertThat(provincial)
        .contains(
            "۳ باز در آغاز + ۲ جدید − ۲ حل‌شده − ۱ ردشده − ۰ منصرف‌شده = ۲ باز در پایان",
            "۲ از ۳ دفتر فعال فایل مطالبات این ماه را نفرستادند یا فایلشان خوانده نشد:"
                + " جدید و بسته‌شدهٔ آن‌ها در این ارقام نیست و مطالبات باز آن‌ها طبق آخرین فایلشان است.",
            "۱ از ۳ دفتر فعال فایل فعالیت‌های این ماه را نفرستادند یا فایلشان خوانده نشد:"
                + " فعالیت‌های آن‌ها در این ارقام نیست.");
    assertThat(province.trend()).extracting(TrendPoint::officesMissing).containsExactly(1, 1, 2);
  }
}
