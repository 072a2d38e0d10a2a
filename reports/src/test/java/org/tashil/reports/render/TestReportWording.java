package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.reports.PrintedText;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;

/**
 * Each figure says what it is: the rank names its index and direction, the days open their day, the
 * data-quality section its deadline and the files expected, and the footnotes name the definitions
 * printed on the report's last page (never a path of the repository).
 */
class TestReportWording {

  private static final String RLM = "\u200F";
  private static ReportRenderer renderer;
  private static JasperPrint persian;
  private static JasperPrint english;
  private static JasperPrint small;
  private static JasperPrint province;
  private static JasperPrint provinceEnglish;

  @BeforeAll
  static void fill() {
    renderer = ReportRenderer.withCompiledTemplates();
    persian = renderer.fill(ReportFixtures.hasirabad(), ReportFixtures.context(Language.PERSIAN));
    english = renderer.fill(ReportFixtures.hasirabad(), ReportFixtures.context(Language.ENGLISH));
    small = renderer.fill(ReportFixtures.mashali(), ReportFixtures.context(Language.PERSIAN));
    province = renderer.fill(ReportFixtures.province(), ReportFixtures.context(Language.PERSIAN));
    provinceEnglish =
        renderer.fill(ReportFixtures.province(), ReportFixtures.context(Language.ENGLISH));
  }

  private static List<String> texts(JasperPrint print) {
    return PrintedText.strings(print).stream().map(text -> text.replace(RLM, "")).toList();
  }

  private static List<String> lastPage(JasperPrint print) {
    int last = print.getPages().size();
    return PrintedText.of(print).stream()
        .filter(text -> text.page() == last)
        .map(text -> text.text().replace(RLM, ""))
        .toList();
  }

  @Test
  void theRankBoxNamesItsIndexAndItsDirection() {
    assertThat(texts(persian)).contains("رتبهٔ محرومیت (M0)؛\n۱ = محروم‌ترین", "۳ از ۱۲۸");
    assertThat(texts(english)).contains("Deprivation rank (M0);\n1 = most deprived", "3 of 128");
  }

  @Test
  void daysOpenSayToWhichDay() {
    assertThat(texts(persian)).contains("روزهای باز تا ۳۰ آبان ۱۴۰۵");
    assertThat(texts(english)).contains("Days open at 30 Aban 1405");
  }

  @Test
  void theDataQualitySectionStatesTheDeadlineAndTheFilesExpected() {
    assertThat(texts(persian))
        .contains(
            "مهلت ارسال فایل‌های آبان ۱۴۰۵: ۱۰ آذر ۱۴۰۵ (۱۰ روز پس از پایان ماه در ۳۰ آبان ۱۴۰۵)."
                + " فایل‌های مورد انتظار از دفتر این سکونتگاه: مطالبات و فعالیت‌ها، و فایل خانوار"
                + " اگر در ماه پیمایشی انجام شده باشد.");
    assertThat(texts(english))
        .contains(
            "Files for Aban 1405 were due by 10 Azar 1405 (10 days after the month ended on 30 Aban"
                + " 1405). Expected from the settlement\u2019s office: a demands file and an"
                + " activities file, and a households file when surveys were done in the month.");
    assertThat(texts(provinceEnglish))
        .anyMatch(
            text ->
                text.startsWith("Files for Aban 1405 were due by 10 Azar 1405")
                    && text.contains("Expected from each active office: a demands file"));
  }

  @Test
  void theDeadlineFollowsTheOnTimeDaysTheFilesWereJudgedBy() {
    RenderContext context = ReportFixtures.context(Language.ENGLISH);
    RenderContext sevenDays =
        new RenderContext(
            context.language(),
            context.runId(),
            context.revision(),
            context.generatedOn(),
            context.warehouseVersion(),
            context.period(),
            context.suppressionThreshold(),
            LocalDate.of(2026, 11, 28));
    assertThat(texts(renderer.fill(ReportFixtures.hasirabad(), sevenDays)))
        .anyMatch(
            text ->
                text.startsWith(
                    "Files for Aban 1405 were due by 7 Azar 1405 (7 days after the month ended on"
                        + " 30 Aban 1405)."));
  }

  @Test
  void theDefinitionsPageIsTheLastPageAndDefinesWhatTheReportPrints() {
    assertThat(lastPage(persian))
        .contains(
            "تعریف‌ها",
            "خانوار زاغه‌نشین (شاخص ۱۱٫۱٫۱)",
            "آب آشامیدنی",
            "اشتغال سرپرست",
            "نسبت فقیران (H)",
            "شدت محرومیت (A)",
            "شاخص محرومیت (M0)",
            "رتبهٔ محرومیت",
            "پوشش پیمایش",
            "مطالبات باز و فراتر از مهلت",
            "میانهٔ روزهای رسیدگی",
            "* و —")
        .contains(
            "محروم است اگر اتاق قابل سکونتی نداشته باشد یا در هر اتاق بیش از ۳ نفر زندگی کنند."
                + " وزن: یک‌دهم.");
    assertThat(lastPage(english))
        .contains(
            "Definitions",
            "Slum household (SDG 11.1.1)",
            "Drinking water",
            "Poor persons (H)",
            "Deprivation index (M0)",
            "Deprivation rank",
            "Median days",
            "Deprived when it has no habitable room, or more than 3 persons per room. Weight"
                + " 1/10.");
    assertThat(lastPage(provinceEnglish)).contains("Within SLA", "Completeness", "On time");
    // The settlement report prints no SLA share and no office completeness: it does not define
    // them.
    assertThat(lastPage(english)).doesNotContain("Within SLA", "Completeness");
  }

  @Test
  void theFootnoteNamesTheDefinitionsAndThePageTheyAreOn() {
    assertThat(texts(english))
        .anyMatch(
            text ->
                text.contains(
                    "Definitions, on the last page of this report: Slum household (SDG 11.1.1),"
                        + " the ten deprivations, Poor persons (H), Intensity (A), Deprivation index (M0),"
                        + " Deprivation rank"));
    assertThat(texts(persian))
        .anyMatch(
            text ->
                text.contains(
                    "تعریف‌ها در صفحهٔ پایانی همین گزارش: خانوار زاغه‌نشین (شاخص ۱۱٫۱٫۱)، ده"
                        + " محرومیت، نسبت فقیران (H)"));
  }

  @Test
  void theStarFootnoteAppearsOnlyInAReportThatPrintsAStar() {
    // Hasirabad: 1,240 households, no share suppressed, none without households.
    assertThat(texts(persian)).doesNotContain("*");
    assertThat(texts(persian)).noneMatch(text -> text.contains("* سهمی که کمتر از"));
    assertThat(texts(persian)).noneMatch(text -> text.contains("«—» یعنی"));
    assertThat(texts(english)).noneMatch(text -> text.contains("* A share over fewer than"));
    // Kuy-e Mashali: three households, every share starred.
    assertThat(texts(small)).contains("*");
    assertThat(texts(small)).anyMatch(text -> text.startsWith("* سهمی که کمتر از ۵ خانوار"));
    // The province prints a star for Hendijan's four households.
    assertThat(texts(province)).contains("*");
    assertThat(texts(province)).anyMatch(text -> text.startsWith("* سهمی که کمتر از ۵ خانوار"));
  }

  @Test
  void theSdgCodeIsPrintedWithTheMomayyezNeverAsADate() throws IOException {
    for (JasperPrint print : List.of(persian, small, province)) {
      assertThat(texts(print))
          .anyMatch(text -> text.contains("۱۱٫۱٫۱"))
          .noneMatch(text -> text.contains("۱۱/۱/۱") || text.contains("11.1.1"));
    }
    assertThat(text(renderer.pdf(ReportFixtures.hasirabad(), context(Language.PERSIAN))))
        .contains("۱۱٫۱٫۱")
        .doesNotContain("۱۱/۱/۱");
  }

  @Test
  void noPdfCitesAPathOfTheRepository() throws IOException {
    for (Language language : Language.values()) {
      RenderContext context = context(language);
      for (byte[] pdf :
          List.of(
              renderer.pdf(ReportFixtures.hasirabad(), context),
              renderer.pdf(ReportFixtures.mashali(), context),
              renderer.pdf(ReportFixtures.province(), context))) {
        String text = text(pdf);
        assertThat(text).doesNotContain("docs/", "indicators.md", ".md");
        // PDFBox drops the zero-width non-joiner of "تعریف‌ها".
        assertThat(text).contains(language == Language.PERSIAN ? "تعریفها" : "Definitions");
      }
    }
  }

  @Test
  void theTrendTitleStatesTheMonthsShown() {
    assertThat(texts(persian)).contains("مطالبات جدید، حل‌شده و باز: آذر ۱۴۰۴ تا آبان ۱۴۰۵");
    assertThat(texts(english)).contains("New, resolved and open demands: Azar 1404 to Aban 1405");
  }

  private static RenderContext context(Language language) {
    return ReportFixtures.context(language);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
