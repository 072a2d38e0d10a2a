package org.tashil.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * {@code --today}, hidden: the day a command that reads the inbox takes as today, so that tests can
 * run on a day of their choosing.
 */
public final class TodayOption {

  @Option(
      names = "--today",
      hidden = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day recorded as first_seen_on of new files (default: today in Tehran).")
  LocalDate today;

  /** The day given, or null for today in Tehran. */
  public LocalDate today() {
    return today;
  }
}
