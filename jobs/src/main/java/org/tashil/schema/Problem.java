package org.tashil.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tashil.text.Messages;

/**
 * One broken rule in one row: its code, the column it is about and a message with its arguments.
 * The message key names a template in the {@code messages} bundle, so that the same problem reads
 * in Persian or English.
 */
public record Problem(ProblemCode code, String column, String messageKey, List<String> arguments)
    implements Serializable {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(messageKey, "messageKey");
    arguments = List.copyOf(arguments);
  }

  public static Problem of(
      ProblemCode code, String column, String messageKey, Object... arguments) {
    return new Problem(
        code, column, messageKey, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /** {@code CODE:column}, as the quarantine's {@code problems} list holds it. */
  public String tag() {
    return code + ":" + column;
  }

  public String message(Locale locale) {
    return Messages.format(locale, messageKey, arguments.toArray());
  }
}
