package org.tashil.reports.text;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.ReportPeriod;

/**
 * Jalali month names and dates from ICU4J's Persian calendar: "آبان ۱۴۰۵" / "Aban 1405", "۶ آذر
 * ۱۴۰۵" / "6 Azar 1405". ICU formats are not thread-safe: one instance per report being filled.
 */
public final class JalaliCalendar {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private final ULocale locale;
  private final SimpleDateFormat monthFormat;
  private final SimpleDateFormat shortMonthFormat;
  private final SimpleDateFormat dateFormat;
  private final SimpleDateFormat numericDateFormat;
  private final SimpleDateFormat monthNameFormat;

  public JalaliCalendar(Language language) {
    this.locale =
        switch (language) {
          case PERSIAN -> new ULocale("fa_IR@calendar=persian");
          case ENGLISH -> new ULocale("en@calendar=persian");
        };
    this.monthFormat = format("MMMM y");
    this.shortMonthFormat = format("MMM yy");
    this.dateFormat = format("d MMMM y");
    this.numericDateFormat = format("yyyy/MM/dd");
    this.monthNameFormat = format("MMMM");
  }

  private SimpleDateFormat format(String pattern) {
    SimpleDateFormat format = new SimpleDateFormat(pattern, locale);
    format.setTimeZone(UTC);
    return format;
  }

  /** "آبان ۱۴۰۵" / "Aban 1405". */
  public String month(ReportPeriod period) {
    return monthFormat.format(firstDay(period));
  }

  /** A short label for chart axes: "آبان ۰۵" / "Aban 05". */
  public String shortMonth(ReportPeriod period) {
    return shortMonthFormat.format(firstDay(period));
  }

  /**
   * A Jalali month as a day of it is named: "مهر" / "Mehr"; Esfand with its year ("اسفند ۱۴۰۳"),
   * whose length the year decides.
   */
  public String monthOf(int year, int month) {
    Date first = firstDay(new ReportPeriod(year, month));
    return month == 12 ? monthFormat.format(first) : monthNameFormat.format(first);
  }

  /** The days of a Jalali month: 31 (months 1–6), 30 (7–11), 29 or 30 (12). */
  public int lengthOfMonth(int year, int month) {
    Calendar calendar = Calendar.getInstance(UTC, locale);
    calendar.clear();
    calendar.set(year, month - 1, 1);
    return calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
  }

  /** A Gregorian day written in the Jalali calendar: "۶ آذر ۱۴۰۵" / "6 Azar 1405". */
  public String date(LocalDate day) {
    return dateFormat.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  /**
   * A Gregorian day as a Jalali date that sorts as it reads, for tables: "۱۴۰۵/۰۸/۰۶" /
   * "1405/08/06".
   */
  public String numericDate(LocalDate day) {
    return numericDateFormat.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  private Date firstDay(ReportPeriod period) {
    Calendar calendar = Calendar.getInstance(UTC, locale);
    calendar.clear();
    calendar.set(period.year(), period.month() - 1, 1);
    return calendar.getTime();
  }
}
