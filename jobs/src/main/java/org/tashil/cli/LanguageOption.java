package org.tashil.cli;

import java.util.Locale;
import org.tashil.reports.model.Language;
import org.tashil.text.Messages;
import picocli.CommandLine.Option;

/** {@code --lang fa|en}: Persian (the default) or English, for messages and reports alike. */
public final class LanguageOption {

  @Option(
      names = "--lang",
      paramLabel = "fa|en",
      defaultValue = "fa",
      description = "Language: fa (Persian, default) or en (English).")
  String language;

  /** The language of the reports. */
  public Language reportLanguage() {
    try {
      return Language.fromCode(language);
    } catch (IllegalArgumentException e) {
      throw usage();
    }
  }

  /** The locale of messages. */
  public Locale locale() {
    try {
      return Messages.locale(language);
    } catch (IllegalArgumentException e) {
      throw usage();
    }
  }

  private UsageException usage() {
    return new UsageException("--lang is fa (Persian) or en (English), not '" + language + "'");
  }
}
