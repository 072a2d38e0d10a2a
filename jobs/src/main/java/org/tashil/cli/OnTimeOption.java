package org.tashil.cli;

import picocli.CommandLine.Option;

/** {@code --on-time-days}: how long after a period's last day its files count as on time. */
public final class OnTimeOption {

  @Option(
      names = "--on-time-days",
      paramLabel = "DAYS",
      defaultValue = "10",
      description =
          "A file is on time when it arrived in the inbox at most this many days after the period's"
              + " last day (its modification day, if earlier than the day a run first saw it)."
              + " Default: ${DEFAULT-VALUE}.")
  int onTimeDays;

  public int onTimeDays() {
    if (onTimeDays < 0) {
      throw new UsageException("--on-time-days must be 0 or more, not " + onTimeDays);
    }
    return onTimeDays;
  }
}
