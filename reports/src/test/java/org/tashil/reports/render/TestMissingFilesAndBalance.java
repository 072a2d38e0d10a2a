package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.reports.PrintedText;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.DemandFigures;
import org.tashil.reports.model.FileCoverage;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.TrendPoint;
import org.tashil.reports.view.Rows.ChartPoint;
import org.tashil.reports.view.SettlementView;

/**
 * Missing is not zero (docs/indicators.md §5.1), and the month's balance of open demands (§3.1), as
 * the settlement and province reports print them in both languages.
 */
class TestMissingFilesAndBalance {

  private static final String RLM = "\u200F";
  private static final String ZWNJ = "\u200C";
  private static final String NO_BREAK_SPACE = "\u00A0";
  private static ReportRenderer renderer;

  @BeforeAll
  static void load() {
    renderer = ReportRenderer.withCompiledTemplates();
  }

  private static List<String> texts(Object report, Language language) {
    JasperPrint print =
        report instanceof org.tashil.reports.model.SettlementReport settlement
            ? renderer.fill(settlement, ReportFixtures.context(language))
            : renderer.fill(
                (org.tashil.reports.model.ProvinceReport) report, ReportFixtures.context(language));
    return PrintedText.strings(print).stream()
        .map(text -> text.replace(RLM, "").replace(NO_BREAK_SPACE, " "))
        .toList();
  }

  @Test
  void aSettlementWhoseOfficeSentNoDemandsFileShowsNoFileNotZero() {
    List<String> persian = texts(ReportFixtures.malashieh(), Language.PERSIAN);
    // New, resolved and median days; new and resolved by category (one category); activities,
    // participants and women participants.
    assertThat(persian.stream().filter("بدون فایل"::equals).count()).isEqualTo(8);
    assertThat(persian)
        .contains(
            "۹۱۳",
            "طبق فایل مهر ۱۴۰۵",
            "بدون فایل مطالبات این ماه تراز ماه در دست نیست: جدید و بسته‌شدهٔ این ماه معلوم نیست.",
            "فایل مطالباتی برای این ماه نرسید یا خوانده نشد: جدید، حل‌شده و روزهای رسیدگی این ماه"
                + " معلوم نیست، نه صفر؛ مطالبات باز و فراتر از مهلت طبق آخرین فایل رسیده است.",
            "فایل فعالیت‌هایی برای این ماه نرسید یا خوانده نشد: فعالیت‌ها و شرکت‌کنندگان این ماه"
                + " معلوم نیست، نه صفر.")
        .noneMatch(text -> text.contains("باز در آغاز"));
    List<String> english = texts(ReportFixtures.malashieh(), Language.ENGLISH);
    assertThat(english.stream().filter("no file"::equals).count()).isEqualTo(8);
    assertThat(english)
        .contains(
            "as of Mehr 1405's file",
            "Without this month's demands file there is no balance: the month's new and closed"
                + " demands are unknown.");
  }

  @Test
  void aSettlementWithItsFilesShowsFiguresAndNoNote() {
    List<String> persian = texts(ReportFixtures.hasirabad(), Language.PERSIAN);
    assertThat(persian)
        .doesNotContain("بدون فایل")
        .noneMatch(text -> text.startsWith("طبق فایل"))
        .noneMatch(text -> text.contains("نرسید یا خوانده نشد"));
  }

  @Test
  void theBalanceLineShowsEachTermLabelledAndSignedInPersianDigits() {
    assertThat(texts(ReportFixtures.hasirabad(), Language.PERSIAN))
        .contains(
            "تراز ماه",
            "۱۷۰ باز در آغاز + ۸۷ جدید − ۴۱ حل‌شده − ۶ ردشده − ۲ منصرف‌شده"
                + " + ۴ گزارش دیرهنگام یا اصلاح = ۲۱۲ باز در پایان");
    assertThat(texts(ReportFixtures.hasirabad(), Language.ENGLISH))
        .contains(
            "Balance",
            "170 open at the start + 87 new − 41 resolved − 6 rejected − 2 withdrawn"
                + " + 4 reported late or corrected = 212 open at the end");
    // A long line wraps between terms, never inside one.
    assertThat(
            PrintedText.strings(
                renderer.fill(
                    ReportFixtures.hasirabad(), ReportFixtures.context(Language.PERSIAN))))
        .anyMatch(text -> text.contains(" +\u00A0۸۷\u00A0جدید −\u00A0۴۱\u00A0حل‌شده "));
    // No late term when nothing was reported late.
    assertThat(texts(ReportFixtures.mashali(), Language.PERSIAN))
        .contains("۳ باز در آغاز + ۲ جدید − ۰ حل‌شده − ۰ ردشده − ۰ منصرف‌شده = ۵ باز در پایان");
  }

  @Test
  void theProvinceHeadlineShowsItsBalanceAndTheOfficesMissingFromIt() {
    assertThat(texts(ReportFixtures.province(), Language.PERSIAN))
        .contains(
            "۱۰٬۶۲۱ باز در آغاز + ۸٬۰۱۲ جدید − ۳٬۸۷۰ حل‌شده − ۴۱۲ ردشده − ۱۵۰ منصرف‌شده"
                + " + ۳۱ گزارش دیرهنگام یا اصلاح − ۱۲ کاسته با گزارش دیرهنگام یا اصلاح"
                + " = ۱۴٬۲۲۰ باز در پایان",
            "۲ از ۱۹ دفتر فعال فایل مطالبات این ماه را نفرستادند یا فایلشان خوانده نشد:"
                + " جدید و بسته‌شدهٔ آن‌ها در این ارقام نیست و مطالبات باز آن‌ها طبق آخرین فایلشان است.",
            "۱ از ۱۹ دفتر فعال فایل فعالیت‌های این ماه را نفرستادند یا فایلشان خوانده نشد:"
                + " فعالیت‌های آن‌ها در این ارقام نیست.");
    assertThat(texts(ReportFixtures.province(), Language.ENGLISH))
        .contains(
            "2 of 19 active offices sent no demands file this month, or one that could not be"
                + " read: their new and closed demands are not in these figures, and their open"
                + " demands stand as of their last file.");
  }

  @Test
  void theTrendLeavesAMonthWithoutItsFileEmptyRatherThanZero() {
    @SuppressWarnings("unchecked")
    List<ChartPoint> points =
        (List<ChartPoint>)
            SettlementView.parameters(
                    ReportFixtures.malashieh(), ReportFixtures.context(Language.ENGLISH))
                .get("TREND_POINTS");
    assertThat(points).hasSize(12 * 3);
    Map<String, List<ChartPoint>> aban =
        points.stream()
            .filter(point -> point.category().startsWith("Aban"))
            .collect(java.util.stream.Collectors.groupingBy(ChartPoint::series));
    assertThat(aban.get("New").get(0).value()).isNull();
    assertThat(aban.get("Resolved").get(0).value()).isNull();
    assertThat(aban.get("Open").get(0).value()).isPositive();
    assertThat(
            points.stream()
                .filter(point -> point.category().startsWith("Mehr"))
                .map(ChartPoint::value))
        .doesNotContainNull();
  }

  @Test
  void thePersianPdfSaysNoFile() throws IOException {
    byte[] pdf = renderer.pdf(ReportFixtures.malashieh(), ReportFixtures.context(Language.PERSIAN));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("بدون فایل", "طبق فایل مهر ۱۴۰۵", "ملاشیه");
      assertThat(text.replace(ZWNJ, "")).doesNotContain("باز در آغاز");
    }
  }

  @Test
  void aBalanceThatDoesNotCloseIsRefused() {
    assertThatThrownBy(
            () ->
                new DemandFigures(
                    410, 342, 36, 19, 929, 0, null, 0, 913, 0, 0, FileCoverage.complete(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the balance does not close: 913 + 410 − 342 − 36 − 19 + 0 − 0 = 926, not the 929 open");
  }

  @Test
  void aMonthWithoutItsFileHasNoNewOrResolvedFigures() {
    ReportPeriod aban = ReportFixtures.ABAN_1405;
    assertThat(TrendPoint.withoutFile(aban, 12).newDemands()).isNull();
    assertThatThrownBy(() -> new TrendPoint(aban, 0L, null, 12, true, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a period without its demands file has no new or resolved figures");
  }
}
