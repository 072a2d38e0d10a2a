package org.tashil.reports.model;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One Solar Hijri (Jalali) month, the unit every report covers: {@code 1405-08} is Aban 1405. The
 * reports module keeps its own small period type so that it does not depend on the jobs module.
 */
public record ReportPeriod(int year, int month) implements Comparable<ReportPeriod> {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  public ReportPeriod {
    if (year < 1300 || year > 1499) {
      throw new IllegalArgumentException("a Jalali year is 1300–1499, not " + year);
    }
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("a month is 1–12, not " + month);
    }
  }

  /** Parses {@code YYYY-MM} with ASCII digits, as the contract writes a period. */
  public static ReportPeriod parse(String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}")) {
      throw new IllegalArgumentException("a period is written YYYY-MM, e.g. 1405-08, not " + text);
    }
    return new ReportPeriod(
        Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5)));
  }

  public ReportPeriod previous() {
    return month == 1 ? new ReportPeriod(year - 1, 12) : new ReportPeriod(year, month - 1);
  }

  /** The month's last day (Gregorian), from ICU4J's Persian calendar: 2026-11-21 for 1405-08. */
  public LocalDate lastDay() {
    PersianCalendar calendar = new PersianCalendar(UTC);
    calendar.clear();
    calendar.set(year, month - 1, 1);
    calendar.add(Calendar.MONTH, 1);
    calendar.add(Calendar.DATE, -1);
    return LocalDate.ofInstant(calendar.getTime().toInstant(), ZoneOffset.UTC);
  }

  @Override
  public int compareTo(ReportPeriod other) {
    return Integer.compare(year * 12 + month, other.year * 12 + other.month);
  }

  /** {@code 1405-08}. */
  @Override
  public String toString() {
    return String.format("%04d-%02d", year, month);
  }
}
