package org.tashil.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Jalali month, the unit of reporting, written {@code YYYY-MM} with ASCII digits. */
public record Period(int year, int month) implements Comparable<Period>, java.io.Serializable {

  public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final Pattern TEXT = Pattern.compile("(1[34]\\d\\d)-(\\d\\d)");

  public Period {
    if (year < 1300 || year > 1499 || month < 1 || month > 12) {
      throw new IllegalArgumentException(
          "a period is a Jalali month YYYY-MM between 1300-01 and 1499-12, not %d-%d"
              .formatted(year, month));
    }
  }

  /** Parses {@code 1405-08}; {@code previous} is the month before the current one in Tehran. */
  public static Period parse(String text) {
    if ("previous".equals(text)) {
      return previous(ZonedDateTime.now(TEHRAN).toLocalDate());
    }
    Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "a period is written YYYY-MM, a Jalali year and month such as 1405-08, or 'previous'; got '"
              + text
              + "'");
    }
    return new Period(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /** The month before the one that contains {@code today}. */
  public static Period previous(LocalDate today) {
    return containing(today).minusMonths(1);
  }

  public static Period containing(LocalDate date) {
    JalaliDate jalali = JalaliDate.from(date);
    return new Period(jalali.year(), jalali.month());
  }

  /** Every period from {@code first} to {@code last}, both included. */
  public static List<Period> range(Period first, Period last) {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("period range " + first + ".." + last + " is backwards");
    }
    List<Period> periods = new ArrayList<>();
    for (Period period = first; period.compareTo(last) <= 0; period = period.plusMonths(1)) {
      periods.add(period);
    }
    return periods;
  }

  public Period plusMonths(int months) {
    int index = year * 12 + (month - 1) + months;
    return new Period(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
  }

  public Period minusMonths(int months) {
    return plusMonths(-months);
  }

  public LocalDate firstDay() {
    return new JalaliDate(year, month, 1).toLocalDate();
  }

  public LocalDate lastDay() {
    return new JalaliDate(year, month, lengthInDays()).toLocalDate();
  }

  public int lengthInDays() {
    return JalaliDate.lengthOfMonth(year, month);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  @Override
  public int compareTo(Period other) {
    return Integer.compare(year * 12 + month, other.year * 12 + other.month);
  }

  @Override
  public String toString() {
    return "%04d-%02d".formatted(year, month);
  }
}
