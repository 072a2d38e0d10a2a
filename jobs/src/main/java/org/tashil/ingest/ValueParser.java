package org.tashil.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tashil.calendar.JalaliDate;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;

/**
 * Parses normalised text (ASCII digits already) into typed values. A value that does not parse
 * gives the {@link Problem} that says why.
 */
final class ValueParser {

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}(\\.0+)?");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,\u066C]\\d{3})+");
  private static final Pattern GREGORIAN =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?)?");
  private static final Pattern JALALI = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

  private ValueParser() {}

  /** The whole number, or the problem: BAD_NUMBER, or OUT_OF_RANGE for too many digits. */
  static Result<Integer> integer(String column, String text) {
    String plain = GROUPED.matcher(text).matches() ? text.replaceAll("[,\u066C]", "") : text;
    if (INTEGER.matcher(plain).matches()) {
      String digits = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
      return Result.of(Integer.parseInt(digits));
    }
    if (plain.matches("[-+]?\\d{10,}")) {
      return Result.failed(
          Problem.of(ProblemCode.OUT_OF_RANGE, column, "value.bad_number", column, text));
    }
    return Result.failed(
        Problem.of(ProblemCode.BAD_NUMBER, column, "value.bad_number", column, text));
  }

  /**
   * A Gregorian {@code YYYY-MM-DD} (a time after it is ignored) or a Jalali {@code YYYY/MM/DD} with
   * a year 1300–1499.
   */
  static Result<LocalDate> date(String column, String text) {
    Matcher jalali = JALALI.matcher(text);
    if (jalali.matches()) {
      int year = Integer.parseInt(jalali.group(1));
      if (year < 1300 || year > 1499) {
        return badDate(column, text);
      }
      Optional<JalaliDate> date =
          JalaliDate.of(year, Integer.parseInt(jalali.group(2)), Integer.parseInt(jalali.group(3)));
      return date.map(d -> Result.of(d.toLocalDate()))
          .orElseGet(
              () ->
                  Result.failed(
                      Problem.of(
                          ProblemCode.BAD_DATE, column, "value.impossible_date", column, text)));
    }
    Matcher gregorian = GREGORIAN.matcher(text);
    if (gregorian.matches()) {
      int year = Integer.parseInt(gregorian.group(1));
      if (year >= 1300 && year <= 1499) {
        return Result.failed(
            Problem.of(ProblemCode.BAD_DATE, column, "value.dashed_jalali", column, text));
      }
      if (year < 1900 || year > 2199) {
        return badDate(column, text);
      }
      try {
        return Result.of(
            LocalDate.of(
                year, Integer.parseInt(gregorian.group(2)), Integer.parseInt(gregorian.group(3))));
      } catch (DateTimeException e) {
        return Result.failed(
            Problem.of(ProblemCode.BAD_DATE, column, "value.impossible_date", column, text));
      }
    }
    return badDate(column, text);
  }

  private static Result<LocalDate> badDate(String column, String text) {
    return Result.failed(Problem.of(ProblemCode.BAD_DATE, column, "value.bad_date", column, text));
  }

  /** A parsed value or the problem that kept it from parsing. */
  record Result<T>(T value, Problem problem) {
    static <T> Result<T> of(T value) {
      return new Result<>(value, null);
    }

    static <T> Result<T> failed(Problem problem) {
      return new Result<>(null, problem);
    }

    boolean failed() {
      return problem != null;
    }
  }
}
