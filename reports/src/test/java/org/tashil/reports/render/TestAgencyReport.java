package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.reports.PrintedText;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.AgencyDemand;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.PeriodReports;

/** An agency's follow-up report, read back through its text, in both languages. */
class TestAgencyReport {

  private static final String RLM = "\u200F";
  private static ReportRenderer renderer;
  private static JasperPrint persian;
  private static JasperPrint english;
  private static JasperPrint longPersian;

  @BeforeAll
  static void fill() {
    renderer = ReportRenderer.withCompiledTemplates();
    persian =
        renderer.fill(ReportFixtures.waterCompany(), ReportFixtures.context(Language.PERSIAN));
    english =
        renderer.fill(ReportFixtures.waterCompany(), ReportFixtures.context(Language.ENGLISH));
    longPersian =
        renderer.fill(ReportFixtures.longAgency(400), ReportFixtures.context(Language.PERSIAN));
  }

  private static List<PrintedText> printed(JasperPrint print) {
    return PrintedText.of(print).stream()
        .map(text -> new PrintedText(text.page(), text.x(), text.y(), text.width(), clean(text)))
        .toList();
  }

  private static String clean(PrintedText text) {
    return text.text().replace(RLM, "");
  }

  private static List<String> texts(JasperPrint print) {
    return printed(print).stream().map(PrintedText::text).toList();
  }

  /** The texts printed on the table row of the demand {@code demandId}. */
  private static List<String> row(JasperPrint print, String demandId) {
    PrintedText id =
        printed(print).stream()
            .filter(text -> text.text().equals(demandId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no demand " + demandId));
    return printed(print).stream()
        .filter(text -> text.page() == id.page() && text.y() == id.y())
        .map(PrintedText::text)
        .toList();
  }

  @Test
  void persianReportNamesTheAgencyItsMonthAndItsFiguresInPersianDigits() {
    assertThat(texts(persian))
        .contains(
            "پیگیری مطالبات: شرکت آب و فاضلاب خوزستان",
            "آبان ۱۴۰۵",
            "شرکت آب و فاضلاب خوزستان (water_wastewater)",
            "۲۱ روز",
            "۱٬۲۱۰",
            "۸۴۰",
            "۴۱۲",
            "۳۷۷",
            "۱۸٫۵",
            "۴۷",
            "۶۱٫۷٪",
            "مطالبات باز و فراتر از مهلت در پایان هر ماه، آذر ۱۴۰۴ تا آبان ۱۴۰۵",
            "ویرایش ۲ · تاریخ تهیه: ۶ آذر ۱۴۰۵",
            "اجرا: run-20261127-0815 · نسخهٔ انبار داده: ۴۲",
            "صفحهٔ ۱",
            "از ۱");
  }

  @Test
  void eachDemandHasItsJalaliRegistrationDateAndDaysOpenToTheMonthsLastDay() {
    assertThat(row(persian, "D-1398-0412"))
        .containsExactly(
            "D-1398-0412", "OF-01", "آب", "فوری", "ثبت‌شده", "۱۳ مهر ۱۴۰۴", "۴۱۲ (معوق)", "۹");
    assertThat(texts(persian))
        .contains("روزهای باز تا ۳۰ آبان ۱۴۰۵")
        .anyMatch(text -> text.startsWith("روزهای باز تا ۳۰ آبان ۱۴۰۵، آخرین روز ماه"));
  }

  @Test
  void overdueDemandsAreMarkedAndFreshOnesAreNot() {
    assertThat(row(persian, "D-1404-0077")).contains("۲۳۳ (معوق)");
    assertThat(row(persian, "DZ-0042")).contains("۶۴ (معوق)");
    assertThat(row(persian, "D-1405-0301"))
        .contains("۱۲", "")
        .doesNotContain("فوری")
        .noneMatch(text -> text.contains("معوق"));
    assertThat(row(persian, "D-1405-0288"))
        .contains("۲۰", "فوری")
        .noneMatch(text -> text.contains("معوق"));
  }

  @Test
  void demandsAreGroupedByCountyThenSettlementOldestFirst() {
    assertThat(texts(persian))
        .containsSubsequence(
            "شهرستان اهواز: ۴ باز، ۲ فراتر از مهلت",
            "حصیرآباد (AHV-001): ۲ باز، ۱ فراتر از مهلت",
            "D-1398-0412",
            "D-1405-0301",
            "ملاشیه (AHV-003): ۲ باز، ۱ فراتر از مهلت",
            "D-1404-0077",
            "D-1405-0288",
            "شهرستان دزفول: ۲ باز، ۱ فراتر از مهلت",
            "کوی مدرس (DEZ-001): ۲ باز، ۱ فراتر از مهلت",
            "DZ-0042",
            "DZ-0051");
  }

  @Test
  void aDemandCarriesNoSummaryToPrint() {
    assertThat(Arrays.stream(AgencyDemand.class.getRecordComponents()).map(c -> c.getName()))
        .noneMatch(name -> name.contains("summary") || name.contains("text"));
  }

  @Test
  void englishOnRequest() {
    assertThat(texts(english))
        .contains(
            "Demand follow-up: Khuzestan Water and Wastewater Company",
            "Aban 1405",
            "21 days",
            "1,210",
            "61.7%",
            "Open and past-SLA demands at each month end, Azar 1404 to Aban 1405",
            "Days open to 30 Aban 1405",
            "Ahvaz county: 4 open, 2 past the SLA",
            "Hasirabad (AHV-001): 2 open, 1 past the SLA")
        .noneMatch(text -> text.matches("(?s).*[\\u0600-\\u06FF].*"));
    assertThat(row(english, "D-1398-0412"))
        .containsExactly(
            "D-1398-0412",
            "OF-01",
            "Water",
            "urgent",
            "registered",
            "13 Mehr 1404",
            "412 (overdue)",
            "9");
    assertThat(row(english, "D-1405-0301")).contains("12").noneMatch(t -> t.contains("overdue"));
  }

  @Test
  void aLongTableRepeatsItsHeaderOnEveryPageAndLeavesNoGroupHeadingAloneAtAPageBottom() {
    assertThat(longPersian.getPages().size()).isGreaterThan(5);
    assertThat(texts(longPersian))
        .contains("صفحهٔ ۲", "از " + persianDigits(longPersian.getPages().size()));
    // Tables of these lengths put a group's heading near a page's bottom edge.
    for (int demands : List.of(20, 38, 65)) {
      assertHeadersRepeatAndNoHeadingIsStranded(
          renderer.fill(
              ReportFixtures.longAgency(demands), ReportFixtures.context(Language.PERSIAN)));
    }
    assertHeadersRepeatAndNoHeadingIsStranded(longPersian);
  }

  private static void assertHeadersRepeatAndNoHeadingIsStranded(JasperPrint print) {
    List<PrintedText> printed = printed(print);
    Pattern demand = Pattern.compile("D-\\d{5}");
    for (int page = 1; page <= print.getPages().size(); page++) {
      int onPage = page;
      List<PrintedText> texts = printed.stream().filter(text -> text.page() == onPage).toList();
      assertThat(texts).extracting(PrintedText::text).as("page " + page).contains("شناسهٔ مطالبه");
      int lastRow =
          texts.stream()
              .filter(text -> demand.matcher(text.text()).matches())
              .mapToInt(PrintedText::y)
              .max()
              .orElseThrow();
      assertThat(texts)
          .filteredOn(text -> text.text().contains(" باز، "))
          .as("group headings on page " + page)
          .allMatch(heading -> heading.y() < lastRow);
    }
  }

  @Test
  void thePdfKeepsTheMarkAndThePeriodWritesItUnderAgencies(@TempDir Path reports)
      throws IOException {
    RenderedPeriod period =
        new PeriodRenderer(renderer, 2)
            .render(
                reports,
                ReportFixtures.context(Language.PERSIAN),
                new PeriodReports(
                    ReportFixtures.province(),
                    List.of(ReportFixtures.mashali()),
                    List.of(ReportFixtures.waterCompany()),
                    List.of()));
    assertThat(period.reports())
        .extracting(RenderedReport::file)
        .containsExactly(
            "province.pdf", "settlements/AHV-007.pdf", "agencies/water_wastewater.pdf");
    Path folder = reports.resolve("1405-08");
    assertThat(Files.readAllLines(folder.resolve("index.csv")))
        .anyMatch(
            line -> line.startsWith("agencies/water_wastewater.pdf,agency,water_wastewater,1,"));
    try (PDDocument document =
        Loader.loadPDF(folder.resolve("agencies/water_wastewater.pdf").toFile())) {
      String text = new PDFTextStripper().getText(document).replace("\u200C", "");
      assertThat(text).contains("شرکت آب و فاضلاب خوزستان", "معوق", "D-1398-0412", "۱۳ مهر ۱۴۰۴");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("پیگیری مطالبات: شرکت آب و فاضلاب خوزستان — آبان ۱۴۰۵");
    }
  }

  private static String persianDigits(int number) {
    StringBuilder digits = new StringBuilder();
    for (char c : Integer.toString(number).toCharArray()) {
      digits.append((char) ('۰' + (c - '0')));
    }
    return digits.toString();
  }
}
