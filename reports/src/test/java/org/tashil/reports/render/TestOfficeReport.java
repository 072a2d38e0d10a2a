package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/** The office feedback report, filled from a fixture and read back from its PDF. */
class TestOfficeReport {

  private static final String RLM = "\u200F";
  private static final String ZWNJ = "\u200C";
  private static ReportRenderer renderer;
  private static JasperPrint persian;
  private static JasperPrint english;

  @BeforeAll
  static void fill() {
    renderer = ReportRenderer.withCompiledTemplates();
    persian =
        renderer.fill(ReportFixtures.hasirabadOffice(), ReportFixtures.context(Language.PERSIAN));
    english =
        renderer.fill(ReportFixtures.hasirabadOffice(), ReportFixtures.context(Language.ENGLISH));
  }

  private static List<String> texts(JasperPrint print) {
    return PrintedText.strings(print).stream().map(text -> text.replace(RLM, "")).toList();
  }

  private static String pdfText(Language language) throws IOException {
    byte[] pdf = renderer.pdf(ReportFixtures.hasirabadOffice(), ReportFixtures.context(language));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void namesTheOfficeItsMonthItsDeadlineAndEveryPagesFooter() {
    assertThat(texts(persian))
        .contains(
            "گزارش بازخورد دفتر تسهیل‌گری و توسعه محلی حصیرآباد",
            "آبان ۱۴۰۵",
            "دفتر تسهیل‌گری و توسعه محلی حصیرآباد (OF-01)",
            "۱۰ آذر ۱۴۰۵",
            "فایل‌های آبان ۱۴۰۵ تا ۱۰ آذر ۱۴۰۵ به‌موقع به شمار می‌آیند. فایلی که نرسیده یا رد شده"
                + " در ارقام این ماه نیست، حتی به‌صورت صفر.",
            "ویرایش ۲ · تاریخ تهیه: ۶ آذر ۱۴۰۵",
            "اجرا: run-20261127-0815 · نسخهٔ انبار داده: ۴۲",
            "صفحهٔ ۱",
            "صفحهٔ ۲",
            "از ۲");
  }

  @Test
  void eachFileSaysWhenItArrivedOrThatItDidNot() {
    assertThat(texts(persian))
        .contains(
            "با تأخیر رسید: ۱۴ روز پس از پایان ماه",
            "۱۴ آذر ۱۴۰۵",
            "به‌موقع رسید",
            "۴ آذر ۱۴۰۵",
            "نرسید",
            "۳۲۰",
            "۳۰۶");
    assertThat(texts(english))
        .contains(
            "Arrived late: 14 days after the month ended",
            "14 Azar 1405",
            "Did not arrive",
            "Files for Aban 1405 are on time until 10 Azar 1405. A file that did not arrive or was"
                + " rejected is not in this month's figures, not even as zero.");
  }

  @Test
  void everyRejectedRowWithItsFileLineColumnReasonAndFix() {
    List<String> texts = texts(persian);
    assertThat(texts)
        .contains(
            "households.csv",
            "۱۴",
            "surveyed_on",
            "ستون surveyed_on: مهر ۳۰ روز دارد؛ ۱۴۰۵/۰۷/۳۱ وجود ندارد",
            "روز را با تقویم بسنجید و تاریخی بنویسید که وجود دارد.",
            "ستون members برابر ۰ است، بیرون از بازهٔ مجاز ۱ تا ۳۰",
            "سکونتگاه «AHV-999» در فهرست سکونتگاه‌ها نیست",
            "کل سطر",
            "این سطر ۱۳ خانه دارد و سرستون ۱۲ خانه",
            "وضعیت resolved است ولی تاریخ بستن (closed_on) خالی است",
            // Quarantined by an earlier Tashil, without its message: the reason and the value.
            "گزینهٔ ناشناخته: «urgentt»",
            "۸ ردیف ردشده، به ترتیب فایل و سطر. هر ردیف را در فایل اصلی درست کنید و فایل را"
                + " دوباره بفرستید.");
    assertThat(texts(english))
        .contains(
            "surveyed_on: Mehr has 30 days; 1405/07/31 does not exist",
            "Check the day against the calendar and write a date that exists.",
            "Not one of the accepted values: \"urgentt\"",
            "Whole line");
  }

  @Test
  void theTopReasonsBesideLastMonthAndTheSettlementsOverdueDemandsByAgency() {
    assertThat(texts(persian))
        .contains(
            "سکونتگاه ناشناخته", "۹", "۱۲", "اطلاعات شخصی در ستون شناسه", "—", "شناسهٔ تکراری")
        .contains("شرکت آب و فاضلاب خوزستان", "۷۴", "۳۱", "۴۱۲", "شهرداری", "۲۳۳");
    // Most overdue first.
    assertThat(texts(persian).indexOf("شرکت آب و فاضلاب خوزستان"))
        .isLessThan(texts(persian).indexOf("شهرداری"));
  }

  @Test
  void theQualityFlagsOfTheOfficeAndItsSettlements() {
    assertThat(texts(persian))
        .contains(
            "ارقام غیرعادی این ماه",
            "مطالبات جدید",
            "۸۷",
            "۱۳ تا ۴۹",
            "۱۲ (آبان ۰۴ تا مهر ۰۵)",
            "پیمایش خانوار",
            "۱۳ تا ۶۷",
            "۹ (بهمن ۰۴ تا مهر ۰۵)");
    assertThat(texts(english))
        .contains("New demands", "87", "13 to 49", "12 (Aban 04 to Mehr 05)", "Household surveys");
  }

  @Test
  void thePdfTextHoldsTheRowsAndNoPersonalValue() throws IOException {
    for (Language language : Language.values()) {
      String text = pdfText(language);
      assertThat(text).contains("OF-01", "households.csv", "surveyed_on", "demand_id");
      for (String planted : ReportFixtures.PLANTED) {
        assertThat(text).doesNotContain(planted).doesNotContain(persianDigits(planted));
      }
    }
    assertThat(pdfText(Language.PERSIAN))
        .contains("۱۴۰۵/۰۷/۳۱", "حصیرآباد")
        .contains("دفتر تسهیل‌گری و توسعه محلی حصیرآباد".replace(ZWNJ, ""));
    assertThat(pdfText(Language.ENGLISH))
        .contains("Feedback report: Hasirabad Facilitation Office", "Mehr has 30 days");
    for (JasperPrint print : List.of(persian, english)) {
      for (String planted : ReportFixtures.PLANTED) {
        assertThat(String.join("\n", texts(print)))
            .doesNotContain(planted)
            .doesNotContain(persianDigits(planted));
      }
    }
  }

  @Test
  void aLongListOfRejectedRowsRunsOverPagesWithItsHeaderOnEach() {
    JasperPrint print =
        renderer.fill(
            ReportFixtures.officeWithManyRejectedRows(120),
            ReportFixtures.context(Language.PERSIAN));
    assertThat(print.getPages().size()).isGreaterThan(3);
    List<PrintedText> texts = PrintedText.of(print);
    for (int page = 2; page <= print.getPages().size(); page++) {
      int number = page;
      assertThat(texts)
          .as("page " + page)
          .anyMatch(text -> text.page() == number && text.text().equals("راه درست کردن"))
          .anyMatch(text -> text.page() == number && text.text().contains("گزارش بازخورد"));
    }
    assertThat(texts)
        .anyMatch(text -> text.text().equals("۱۲۱"))
        .anyMatch(
            text ->
                text.text()
                    .replace(RLM, "")
                    .equals(
                        "ستون children_in_school برابر ۴ است، بیشتر از ستون children_6_17 که ۳"
                            + " است"));
  }

  @Test
  void theProvinceShowsTheFiguresOutOfTheOrdinaryInItsDataQualityPart() {
    List<String> province =
        texts(renderer.fill(ReportFixtures.province(), ReportFixtures.context(Language.PERSIAN)));
    assertThat(province)
        .contains("ارقام غیرعادی این ماه", "مطالبات جدید", "۸۷", "۱۳ تا ۴۹", "پیمایش خانوار");
    assertThat(province.indexOf("ارقام غیرعادی این ماه"))
        .isGreaterThan(province.indexOf("پیوست: کیفیت داده‌های دفاتر"));
  }

  private static String persianDigits(String text) {
    StringBuilder persian = new StringBuilder();
    for (char c : text.toCharArray()) {
      persian.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + c - '0') : c);
    }
    return persian.toString();
  }
}
