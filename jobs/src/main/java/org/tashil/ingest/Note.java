package org.tashil.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.tashil.text.Messages;

/**
 * Something said about a whole file, readable in Persian or English; its arguments are kept with
 * any national id or phone number masked.
 */
public record Note(String key, List<String> arguments) implements Serializable {

  public Note {
    arguments = List.copyOf(arguments);
  }

  public static Note of(String key, Object... arguments) {
    return new Note(key, org.tashil.schema.Problem.maskedTexts(arguments));
  }

  public String message(Locale locale) {
    return Messages.format(locale, key, arguments.toArray());
  }
}
