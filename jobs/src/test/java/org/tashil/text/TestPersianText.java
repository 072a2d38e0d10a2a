package org.tashil.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPersianText {

  @Test
  void persianAndArabicIndicDigitsBecomeAscii() {
    assertThat(PersianText.normalize("۱۴۰۵/۰۸/۱۵")).isEqualTo("1405/08/15");
    assertThat(PersianText.normalize("٠١٢٣٤٥٦٧٨٩")).isEqualTo("0123456789");
  }

  @Test
  void arabicYehAndKafBecomePersian() {
    assertThat(PersianText.normalize("كوي علوي")).isEqualTo("کوی علوی");
  }

  @Test
  void zeroWidthNonJoinerIsKept() {
    assertThat(PersianText.normalize(" حاشیه\u200Cنشین ")).isEqualTo("حاشیه\u200Cنشین");
  }

  @Test
  void blankIsNull() {
    assertThat(PersianText.normalize("  \u00A0 ")).isNull();
    assertThat(PersianText.normalize("\uFEFF")).isNull();
  }

  @Test
  void formulaTextStaysText() {
    assertThat(PersianText.normalize("=1+1")).isEqualTo("=1+1");
  }
}
