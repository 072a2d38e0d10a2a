package org.tashil.reports.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.Share;

class TestText {

  @Test
  void jalaliMonthsAndDatesComeFromIcu() {
    JalaliCalendar persian = new JalaliCalendar(Language.PERSIAN);
    JalaliCalendar english = new JalaliCalendar(Language.ENGLISH);
    assertThat(persian.month(new ReportPeriod(1405, 8))).isEqualTo("آبان ۱۴۰۵");
    assertThat(english.month(new ReportPeriod(1405, 8))).isEqualTo("Aban 1405");
    assertThat(persian.date(LocalDate.of(2026, 11, 27))).isEqualTo("۶ آذر ۱۴۰۵");
    assertThat(english.date(LocalDate.of(2026, 10, 23))).isEqualTo("1 Aban 1405");
    assertThat(english.month(new ReportPeriod(1405, 12))).isEqualTo("Esfand 1405");
  }

  @Test
  void sharesPrintAsPercentagesADashOrAStar() {
    Formats persian = new Formats(Language.PERSIAN, 5);
    Formats english = new Formats(Language.ENGLISH, 5);
    assertThat(persian.share(Share.of(1020, 1240))).isEqualTo("۸۲٫۳٪");
    assertThat(english.share(Share.of(1020, 1240))).isEqualTo("82.3%");
    assertThat(english.share(Share.of(2, 4))).isEqualTo("*");
    assertThat(english.share(Share.of(5, 5))).isEqualTo("100.0%");
    assertThat(english.share(Share.none())).isEqualTo("—");
    assertThat(persian.number(1234567)).isEqualTo("۱٬۲۳۴٬۵۶۷");
    assertThat(persian.decimal(50.5)).isEqualTo("۵۰٫۵");
    assertThat(persian.index(new Share(0.2291, 1240))).isEqualTo("۰٫۲۲۹");
  }

  @Test
  void suppressedSharesAreNeverChartedWithTheirValue() {
    Formats formats = new Formats(Language.ENGLISH, 5);
    assertThat(formats.chartValue(Share.of(3, 4))).isNull();
    assertThat(formats.chartValue(Share.of(3, 6))).isEqualTo(50.0);
  }

  @Test
  void rightToLeftMarkOnlyWhereTheTextStartsLeftToRight() {
    assertThat(Bidi.rightToLeft("AHV-001 حصیرآباد")).isEqualTo("\u200FAHV-001 حصیرآباد");
    assertThat(Bidi.rightToLeft("۱۴ ردیف")).isEqualTo("\u200F۱۴ ردیف");
    assertThat(Bidi.rightToLeft("(۱۴) ردیف")).isEqualTo("\u200F(۱۴) ردیف");
    assertThat(Bidi.rightToLeft("حصیرآباد (AHV-001)")).isEqualTo("حصیرآباد (AHV-001)");
    assertThat(Bidi.rightToLeft("")).isEmpty();
  }

  @Test
  void labelsDoNotFallBackToTheMachineLanguage() {
    java.util.Locale previous = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.ENGLISH);
      assertThat(Labels.of(Language.PERSIAN).text("section.demands")).isEqualTo("مطالبات این ماه");
      assertThat(Labels.of(Language.ENGLISH).text("section.demands"))
          .isEqualTo("Demands this month");
    } finally {
      java.util.Locale.setDefault(previous);
    }
  }

  @Test
  void bothLanguagesHaveTheSameLabels() {
    var persian = Labels.bundle(Language.PERSIAN).keySet();
    var english = Labels.bundle(Language.ENGLISH).keySet();
    assertThat(persian).containsExactlyInAnyOrderElementsOf(english);
  }

  @Test
  void aDottedCodeTakesTheMomayyezInPersianNeverASlash() {
    assertThat(new Formats(Language.PERSIAN, 5).code("11.1.1")).isEqualTo("۱۱٫۱٫۱");
    assertThat(new Formats(Language.PERSIAN, 5).code("11.1.1")).doesNotContain("/", ".");
    assertThat(new Formats(Language.ENGLISH, 5).code("11.1.1")).isEqualTo("11.1.1");
  }

  @Test
  void formatsRememberWhetherTheyPrintedAStarOrADash() {
    Formats formats = new Formats(Language.ENGLISH, 5);
    formats.share(Share.of(600, 1240));
    formats.number(3);
    assertThat(formats.printedSuppressed()).isFalse();
    assertThat(formats.printedNoShare()).isFalse();
    formats.index(Share.of(2, 3));
    assertThat(formats.printedSuppressed()).isTrue();
    formats.chartLabel(Share.none());
    assertThat(formats.printedNoShare()).isTrue();
  }

  @Test
  void aPeriodsLastDayComesFromIcu() {
    assertThat(new ReportPeriod(1405, 8).lastDay()).isEqualTo(LocalDate.of(2026, 11, 21));
    assertThat(new ReportPeriod(1405, 6).lastDay()).isEqualTo(LocalDate.of(2026, 9, 22));
    assertThat(new ReportPeriod(1403, 12).lastDay()).isEqualTo(LocalDate.of(2025, 3, 20));
  }
}
