package org.tashil.reports.view;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RejectReason;
import org.tashil.reports.model.RejectedRow;
import org.tashil.reports.text.JalaliCalendar;
import org.tashil.reports.text.Labels;

/**
 * A quarantined row's reason and how to fix it, in plain words of the report's language, for the
 * office manager who sent the row.
 *
 * <p>The reason is the row's message ({@code problem.<message key>} in the labels, with its
 * arguments; ingest names the keys in {@code org/tashil/messages.properties}); a row quarantined by
 * an earlier Tashil, which kept no key, reads as its reason's label ({@code reason.one.<code>}),
 * with the value when one may be printed. An impossible Jalali date says how many days its month
 * has ("مهر ۳۰ روز دارد؛ ۱۴۰۵/۰۷/۳۱ وجود ندارد"). In Persian, the digits of an argument print as
 * Persian digits, except in names of columns, ids and codes ({@code children_6_17}, {@code
 * AHV-001}), which print as the office wrote them.
 *
 * <p>How to fix it is a label per message key ({@code fix.<message key>}) where one is more precise
 * than the one per reason ({@code fix.<reason>}).
 */
public final class ProblemWording {

  /** A column name, an id or a code: printed as it is. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");

  private static final Pattern JALALI = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
  private static final String IMPOSSIBLE_DATE = "value.impossible_date";

  private final Labels labels;
  private final Language language;
  private final JalaliCalendar calendar;

  public ProblemWording(Labels labels, Language language, JalaliCalendar calendar) {
    this.labels = labels;
    this.language = language;
    this.calendar = calendar;
  }

  /** Why the row was quarantined. */
  public String reason(RejectedRow row) {
    String key = row.messageKey();
    List<String> arguments = row.arguments();
    if (key != null && IMPOSSIBLE_DATE.equals(key) && arguments.size() == 2) {
      Matcher jalali = JALALI.matcher(arguments.get(1));
      if (jalali.matches()) {
        int year = Integer.parseInt(jalali.group(1));
        int month = Integer.parseInt(jalali.group(2));
        if (month >= 1 && month <= 12 && year >= 1300 && year <= 1499) {
          return labels.format(
              "problem.impossible_jalali_date",
              arguments.get(0),
              calendar.monthOf(year, month),
              digits(String.valueOf(calendar.lengthOfMonth(year, month))),
              digits(arguments.get(1)));
        }
      }
    }
    if (key != null && labels.has("problem." + key)) {
      return labels.format(
          "problem." + key, arguments.stream().map(this::argument).toArray(Object[]::new));
    }
    String label = labels.text(oneRowKey(row.reason()));
    return row.value() == null
        ? label
        : labels.format("problem.with_value", label, argument(row.value()));
  }

  /** How the office can put it right. */
  public String fix(RejectedRow row) {
    String key = row.messageKey();
    if (key != null && labels.has("fix." + key)) {
      return labels.text("fix." + key);
    }
    return labels.text("fix." + row.reason().name().toLowerCase(Locale.ROOT));
  }

  /** The label of one row's reason, without a count: "a date that is not right". */
  public static String oneRowKey(RejectReason reason) {
    return "reason.one." + reason.name().toLowerCase(Locale.ROOT);
  }

  /** An argument as printed: a code as written, anything else in the report's digits. */
  String argument(String text) {
    return CODE.matcher(text).matches() ? text : digits(text);
  }

  /** ASCII digits as the language writes them. */
  String digits(String text) {
    if (!language.rightToLeft()) {
      return text;
    }
    StringBuilder persian = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      persian.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
    }
    return persian.toString();
  }
}
