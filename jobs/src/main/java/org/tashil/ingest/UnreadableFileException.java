package org.tashil.ingest;

import java.util.List;
import java.util.Locale;
import org.tashil.text.Messages;

/** A file rejected whole: nothing in it can be read as rows. The message key names the reason. */
public final class UnreadableFileException extends Exception {

  private final String messageKey;
  private final List<String> arguments;

  public UnreadableFileException(String messageKey, Object... arguments) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
    this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
  }

  public String messageKey() {
    return messageKey;
  }

  public List<String> arguments() {
    return arguments;
  }

  public String message(Locale locale) {
    return Messages.format(locale, messageKey, arguments.toArray());
  }

  @Override
  public String getMessage() {
    return message(Locale.ENGLISH);
  }
}
