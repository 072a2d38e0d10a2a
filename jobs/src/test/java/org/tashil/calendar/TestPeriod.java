package org.tashil.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestPeriod {

  @Test
  void abanOf1405RunsFromOctober23ToNovember21() {
    Period aban = Period.parse("1405-08");
    assertThat(aban.firstDay()).isEqualTo(LocalDate.of(2026, 10, 23));
    assertThat(aban.lastDay()).isEqualTo(LocalDate.of(2026, 11, 21));
    assertThat(aban.lengthInDays()).isEqualTo(30);
  }

  @Test
  void firstSixMonthsHave31DaysAndEsfandOf1403Has30() {
    assertThat(Period.parse("1405-06").lengthInDays()).isEqualTo(31);
    assertThat(Period.parse("1405-07").lengthInDays()).isEqualTo(30);
    assertThat(Period.parse("1403-12").lengthInDays()).isEqualTo(30);
    assertThat(Period.parse("1404-12").lengthInDays()).isEqualTo(29);
  }

  @Test
  void previousIsTheMonthBeforeTheOneContainingToday() {
    assertThat(Period.previous(LocalDate.of(2026, 11, 27))).isEqualTo(Period.parse("1405-08"));
    assertThat(Period.previous(LocalDate.of(2026, 3, 21))).isEqualTo(Period.parse("1404-12"));
  }

  @Test
  void rangeCrossesTheNewYear() {
    assertThat(Period.range(Period.parse("1404-11"), Period.parse("1405-02")))
        .extracting(Period::toString)
        .containsExactly("1404-11", "1404-12", "1405-01", "1405-02");
  }

  @Test
  void rejectsAPeriodWrittenOtherwise() {
    assertThatThrownBy(() -> Period.parse("1405-8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YYYY-MM");
    assertThatThrownBy(() -> Period.parse("1405-13"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1405-13");
  }

  @Test
  void mehrHas30DaysSoItsThirtyFirstDoesNotExist() {
    assertThat(JalaliDate.of(1405, 7, 30)).isPresent();
    assertThat(JalaliDate.of(1405, 7, 31)).isEmpty();
    assertThat(JalaliDate.of(1405, 6, 31)).isPresent();
  }

  @Test
  void jalaliAndGregorianRoundTrip() {
    LocalDate date = LocalDate.of(2026, 11, 27);
    JalaliDate jalali = JalaliDate.from(date);
    assertThat(jalali).hasToString("1405/09/06");
    assertThat(jalali.toLocalDate()).isEqualTo(date);
  }
}
