package org.tashil.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A day of the Solar Hijri (Jalali) calendar. Conversion to and from the Gregorian calendar is
 * ICU4J's {@link PersianCalendar}; nothing here is hand-written calendar arithmetic.
 */
public record JalaliDate(int year, int month, int day) implements java.io.Serializable {

  private static final long EPOCH_JULIAN_DAY = 2_440_588L;

  /** Each Jalali month's first day and length, asked of ICU once: offices send many dates. */
  private static final Map<Integer, Month> MONTHS = new ConcurrentHashMap<>();

  private record Month(LocalDate firstDay, int length) {}

  public JalaliDate {
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      throw new IllegalArgumentException(
          "no such Jalali date: %04d/%02d/%02d".formatted(year, month, day));
    }
  }

  /** The date when the numbers name a real Jalali day, empty otherwise (1405/07/31 is empty). */
  public static Optional<JalaliDate> of(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return Optional.empty();
    }
    return Optional.of(new JalaliDate(year, month, day));
  }

  public static JalaliDate from(LocalDate date) {
    PersianCalendar calendar = calendar();
    calendar.set(Calendar.JULIAN_DAY, (int) (date.toEpochDay() + EPOCH_JULIAN_DAY));
    return new JalaliDate(
        calendar.get(Calendar.EXTENDED_YEAR),
        calendar.get(Calendar.MONTH) + 1,
        calendar.get(Calendar.DAY_OF_MONTH));
  }

  public static int lengthOfMonth(int year, int month) {
    return month(year, month).length();
  }

  public LocalDate toLocalDate() {
    return month(year, month).firstDay().plusDays(day - 1L);
  }

  private static Month month(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("no month " + month + " in a Jalali year");
    }
    return MONTHS.computeIfAbsent(
        year * 12 + month - 1,
        key -> {
          PersianCalendar calendar = calendar();
          calendar.set(Calendar.EXTENDED_YEAR, year);
          calendar.set(Calendar.MONTH, month - 1);
          calendar.set(Calendar.DAY_OF_MONTH, 1);
          LocalDate first =
              LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
          return new Month(first, calendar.getActualMaximum(Calendar.DAY_OF_MONTH));
        });
  }

  /** A date as an office reads it in a message: {@code 1405/08/05 (2026-10-27)}. */
  public static String describe(LocalDate date) {
    return from(date) + " (" + date + ")";
  }

  /** {@code 1405/08/01}, the way offices write Jalali dates. */
  @Override
  public String toString() {
    return "%04d/%02d/%02d".formatted(year, month, day);
  }

  private static PersianCalendar calendar() {
    PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
    calendar.clear();
    calendar.setLenient(false);
    return calendar;
  }
}
