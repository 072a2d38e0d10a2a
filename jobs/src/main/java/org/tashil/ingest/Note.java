package org.tashil.ingest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tashil.text.Messages;

/** Something said about a whole file, readable in Persian or English. */
public record Note(String key, List<String> arguments) implements Serializable {

  public Note {
    arguments = List.copyOf(arguments);
  }

  public static Note of(String key, Object... arguments) {
    return new Note(key, Arrays.stream(arguments).map(String::valueOf).toList());
  }

  public String message(Locale locale) {
    return Messages.format(locale, key, arguments.toArray());
  }
}
