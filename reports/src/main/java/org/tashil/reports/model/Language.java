package org.tashil.reports.model;

import java.util.Locale;

/** The language a report is written in: Persian (right to left, the default) or English. */
public enum Language {
  PERSIAN("fa", Locale.forLanguageTag("fa-IR")),
  ENGLISH("en", Locale.forLanguageTag("en-GB"));

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** {@code fa} or {@code en}, as {@code --lang} takes it. */
  public String code() {
    return code;
  }

  /** The locale the report is filled with ({@code REPORT_LOCALE}): fa-IR prints Persian digits. */
  public Locale locale() {
    return locale;
  }

  public boolean rightToLeft() {
    return this == PERSIAN;
  }

  public static Language fromCode(String code) {
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(code)) {
        return language;
      }
    }
    throw new IllegalArgumentException("the report language is fa or en, not " + code);
  }
}
