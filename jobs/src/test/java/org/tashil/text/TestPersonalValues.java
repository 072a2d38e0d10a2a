package org.tashil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** National ids and phone numbers found in any digits and layout, and masked. */
class TestPersonalValues {

  @Test
  void aNationalIdIsTenDigitsWithItsCheckDigit() {
    assertThat(PersonalValues.isNationalId("6426212997")).isTrue();
    assertThat(PersonalValues.isNationalId("0499370899")).isTrue();
    assertThat(PersonalValues.isNationalId("6426212996")).as("wrong check digit").isFalse();
    assertThat(PersonalValues.isNationalId("1111111111")).as("never issued").isFalse();
    assertThat(PersonalValues.isNationalId("642621299")).as("nine digits").isFalse();
  }

  @Test
  void nationalIdsAndPhonesAreFoundInEveryScriptAndLayout() {
    for (String value :
        List.of(
            "6426212997",
            "642-621299-7",
            "۶۴۲۶۲۱۲۹۹۷",
            "٦٤٢٦٢١٢٩٩٧",
            "09121234567",
            "0912 123 4567",
            "0912-123-4567",
            "۰۹۱۲۱۲۳۴۵۶۷",
            "+989121234567",
            "+98 912 123 4567",
            "00989121234567",
            "9121234567",
            "061-33445566",
            "06133445566",
            "+98 61 3344 5566",
            "0912 123 45 67",
            "0912 1234 567",
            "0912.123.4567",
            "(0912) 123-4567",
            "989121234567",
            "0912\u00A0123\u00A04567",
            "0912\u200F123\u200E4567",
            "001 234 5679",
            "۰۰۱-۲۳۴۵۶۷-۹",
            "12345679")) {
      assertThat(PersonalValues.containsAny(value)).as(value).isTrue();
      assertThat(PersonalValues.containsAny("call " + value + " today")).as(value).isTrue();
    }
  }

  @Test
  void codesDatesAndAmountsAreNotPersonal() {
    for (String value :
        List.of(
            "AHV001-H0001",
            "S-1405-08-0001",
            "D-100",
            "1405/08/15",
            "2026-11-06",
            "6426212996",
            "12345678",
            "123456789012",
            "HH-0004",
            "2,500,000 rial",
            "1405-08-0001",
            "OF01-D140508-00001",
            "AHV001-H00042",
            "2026-11-06 10:30",
            "1405/08/15",
            "982133445566",
            "12345678")) {
      assertThat(PersonalValues.containsAny(value)).as(value).isFalse();
      assertThat(PersonalValues.mask(value).text()).isEqualTo(value);
    }
  }

  @Test
  void aMaskKeepsTheOperatorsCodeAndTheTextsOwnDigits() {
    assertThat(PersonalValues.mask("تماس ۰۹۱۲۱۲۳۴۵۶۷ عصر"))
        .isEqualTo(new PersonalValues.Masked("تماس ۰۹۱۲******* عصر", 1));
    assertThat(PersonalValues.masked("0916 111 2233")).isEqualTo("0916 *** ****");
    assertThat(PersonalValues.masked("id 642-621299-7.")).isEqualTo("id ***-******-*.");
    assertThat(PersonalValues.mask("a 09121234567, b 6426212997").count()).isEqualTo(2);
    assertThat(PersonalValues.masked("+98 912 123 4567")).isEqualTo("+98 912 *** ****");
    assertThat(PersonalValues.masked("061-33445566")).isEqualTo("061-********");
    assertThat(PersonalValues.masked("12345679")).isEqualTo("********");
    assertThat(PersonalValues.mask("09121234567 6426212997"))
        .isEqualTo(new PersonalValues.Masked("0912******* **********", 2));
  }

  @Test
  void nothingIsMaskedInNullOrShortText() {
    assertThat(PersonalValues.masked(null)).isNull();
    assertThat(PersonalValues.mask("12").count()).isZero();
  }
}
