package org.tashil.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tashil.text.Messages;
import org.tashil.text.PersonalValues;

/**
 * One broken rule in one row: its code, the column it is about (null when it is about the whole
 * row) and a message with its arguments. The message key names a template in the {@code messages}
 * bundle, so that the same problem reads in Persian or English. Arguments are kept with any
 * national id or phone number in them masked: a message never echoes a personal value.
 */
public record Problem(ProblemCode code, String column, String messageKey, List<String> arguments)
    implements Serializable {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(messageKey, "messageKey");
    arguments = List.copyOf(arguments);
  }

  public static Problem of(
      ProblemCode code, String column, String messageKey, Object... arguments) {
    Objects.requireNonNull(column, "column");
    return new Problem(code, column, messageKey, maskedTexts(arguments));
  }

  /** A problem of the whole row, not of one column (a CSV record with the wrong field count). */
  public static Problem ofRow(ProblemCode code, String messageKey, Object... arguments) {
    return new Problem(code, null, messageKey, maskedTexts(arguments));
  }

  /** The arguments as text, personal values masked. */
  public static List<String> maskedTexts(Object... arguments) {
    return java.util.Arrays.stream(arguments)
        .map(argument -> PersonalValues.masked(String.valueOf(argument)))
        .toList();
  }

  /**
   * {@code CODE:column}, as the quarantine's {@code problems} list holds it; {@code CODE} alone for
   * a problem of the whole row.
   */
  public String tag() {
    return column == null ? code.name() : code + ":" + column;
  }

  public String message(Locale locale) {
    return Messages.format(locale, messageKey, arguments.toArray());
  }
}
