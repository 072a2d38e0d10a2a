package org.tashil.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Messages for people: office managers reading {@code validate}, the data team reading the
 * warehouse. Templates live in {@code org/tashil/messages*.properties}: English by default, Persian
 * for {@code fa}.
 */
public final class Messages {

  public static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");
  private static final String BUNDLE = "org.tashil.messages";

  private Messages() {}

  public static String format(Locale locale, String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /** The language of {@code --lang}: {@code fa} (Persian) or {@code en}. */
  public static Locale locale(String language) {
    return switch (language) {
      case "fa" -> PERSIAN;
      case "en" -> Locale.ENGLISH;
      default ->
          throw new IllegalArgumentException(
              "--lang is fa (Persian) or en (English), not '" + language + "'");
    };
  }
}
