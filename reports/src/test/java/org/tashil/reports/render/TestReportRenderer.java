package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.reports.PrintedText;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;

/** Exact strings on the filled reports, in both languages. */
class TestReportRenderer {

  private static final String RLM = "\u200F";
  private static ReportRenderer renderer;
  private static JasperPrint persian;
  private static JasperPrint english;
  private static JasperPrint small;
  private static JasperPrint province;

  @BeforeAll
  static void fill() {
    renderer = ReportRenderer.withCompiledTemplates();
    persian = renderer.fill(ReportFixtures.hasirabad(), ReportFixtures.context(Language.PERSIAN));
    english = renderer.fill(ReportFixtures.hasirabad(), ReportFixtures.context(Language.ENGLISH));
    small = renderer.fill(ReportFixtures.mashali(), ReportFixtures.context(Language.PERSIAN));
    province = renderer.fill(ReportFixtures.province(), ReportFixtures.context(Language.PERSIAN));
  }

  private static List<String> texts(JasperPrint print) {
    return PrintedText.strings(print).stream().map(text -> text.replace(RLM, "")).toList();
  }

  @Test
  void persianSettlementNamesTheSettlementItsMonthAndItsFiguresInPersianDigits() {
    assertThat(texts(persian))
        .contains(
            "گزارش ماهانهٔ سکونتگاه حصیرآباد",
            "آبان ۱۴۰۵",
            "حصیرآباد (AHV-001)",
            "دفتر تسهیل‌گری و توسعه محلی حصیرآباد",
            "۳۶٬۰۰۰",
            "۱٬۲۴۰",
            "۱۳٫۹٪",
            "۸۲٫۳٪",
            "۰٫۲۲۹",
            "۳ از ۱۲۸",
            "۲۳٫۵",
            "ویرایش ۲ · تاریخ تهیه: ۶ آذر ۱۴۰۵",
            "اجرا: run-20261127-0815 · نسخهٔ انبار داده: ۴۲",
            "صفحهٔ ۱",
            "از ۴");
  }

  @Test
  void persianTextThatStartsWithADigitCarriesARightToLeftMark() {
    assertThat(PrintedText.strings(persian)).contains(RLM + "۳ از ۱۲۸");
  }

  @Test
  void dataQualityNotesAreSentencesAPlannerReads() {
    assertThat(texts(persian))
        .contains(
            "۱۴ ردیف از ۳۲۰ ردیف فایل مطالبات رد شد: ۹ ردیف با سکونتگاه ناشناخته، ۵ ردیف بدون"
                + " مقدار الزامی.",
            "فایل خانوار ۱۴ روز پس از پایان ماه رسید (دیرتر از مهلت).");
    assertThat(texts(english))
        .contains(
            "14 rows of 320 in the demands file were rejected: 9 with an unknown settlement, 5"
                + " with a required value missing.",
            "The households file arrived 14 days after the month ended (past the deadline).");
    assertThat(texts(small)).contains("دفتر فایل فعالیت‌ها را برای این ماه نفرستاده است.");
  }

  @Test
  void oldestOpenDemandsShowIdCategoryAgencyAndDaysButNoSummary() {
    assertThat(texts(persian))
        .contains("D-1398-0412", "آب", "شرکت آب و فاضلاب خوزستان", "۴۱۲")
        .containsSubsequence("D-1398-0412", "D-1404-0077", "D-1404-0190", "D-1405-0021");
  }

  @Test
  void noLatinDigitsInPersianReportsOutsideIdentifiers() {
    Predicate<String> latinDigit = text -> text.matches("(?s).*[0-9].*");
    for (JasperPrint print : List.of(persian, small, province)) {
      assertThat(texts(print))
          .map(
              text ->
                  text.replace(ReportFixtures.RUN_ID, "")
                      .replaceAll("[A-Z]+-[0-9-]+", "")
                      // The index's name, as the literature writes it.
                      .replace("M0", ""))
          .noneMatch(latinDigit);
    }
  }

  @Test
  void englishSettlementUsesLatinDigitsAndTheJalaliMonthInEnglish() {
    assertThat(texts(english))
        .contains(
            "Monthly report: Hasirabad",
            "Aban 1405",
            "1,240",
            "13.9%",
            "3 of 128",
            "Revision 2 · generated 6 Azar 1405",
            "Page 1",
            "of 4")
        .noneMatch(text -> text.matches("(?s).*[\\u0600-\\u06FF].*") && !text.contains("Ahvaz"));
  }

  @Test
  void aShareOverFewerThanFiveHouseholdsPrintsAStarWithItsFootnote() {
    List<String> texts = texts(small);
    assertThat(texts.stream().filter("*"::equals).count()).isGreaterThanOrEqualTo(10 + 6);
    assertThat(texts)
        .anyMatch(
            text ->
                text.startsWith("* سهمی که کمتر از ۵ خانوار زیر آن است چاپ نمی‌شود")
                    && text.contains("هیچ خانواری شناسایی نشود"));
    assertThat(texts).doesNotContain("۱۰۰٫۰٪", "۶۶٫۷٪");
  }

  @Test
  void theProvinceSuppressesSmallCellsInItsTables() {
    List<String> texts = texts(province);
    assertThat(texts).contains("کوی مشعلی", "هندیجان", "*", "۲ (*)");
    assertThat(texts).contains("نرسید", "رد شد", "با تأخیر", "۸۹٫۵٪", "۷۸٫۹٪");
  }

  @Test
  void theSuppressionThresholdIsAParameter() {
    var strict =
        new org.tashil.reports.model.RenderContext(
            Language.PERSIAN,
            ReportFixtures.RUN_ID,
            1,
            java.time.LocalDate.of(2026, 11, 27),
            1,
            ReportFixtures.ABAN_1405,
            2000);
    List<String> texts = texts(renderer.fill(ReportFixtures.hasirabad(), strict));
    assertThat(texts).doesNotContain("۸۲٫۳٪").contains("*");
    assertThat(texts).anyMatch(text -> text.startsWith("* سهمی که کمتر از ۲٬۰۰۰ خانوار"));
  }

  @Test
  void persianTablesPutTheFirstColumnOnTheRight() {
    PrintedText persianName = find(persian, "آب آشامیدنی");
    PrintedText persianShare = findOnRow(persian, persianName, "۶۲٫۰٪");
    assertThat(persianName.x()).isGreaterThan(persianShare.x());
    PrintedText englishName = find(english, "Drinking water");
    PrintedText englishShare = findOnRow(english, englishName, "62.0%");
    assertThat(englishName.x()).isLessThan(englishShare.x());
  }

  private static PrintedText find(JasperPrint print, String text) {
    return PrintedText.of(print).stream()
        .filter(printed -> printed.text().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no text " + text));
  }

  private static PrintedText findOnRow(JasperPrint print, PrintedText row, String text) {
    return PrintedText.of(print).stream()
        .filter(printed -> printed.text().equals(text))
        .filter(printed -> printed.page() == row.page() && printed.y() == row.y())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no text " + text + " on the row of " + row));
  }
}
