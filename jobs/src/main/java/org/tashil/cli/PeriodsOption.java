package org.tashil.cli;

import org.tashil.calendar.PeriodRange;
import picocli.CommandLine.Option;

/** {@code --period}: one Jalali month, {@code previous}, or consecutive months in order. */
public final class PeriodsOption {

  @Option(
      names = "--period",
      required = true,
      paramLabel = "YYYY-MM",
      converter = PeriodRangeConverter.class,
      description =
          "The Jalali month, e.g. 1405-08, or 'previous', or consecutive months in order,"
              + " e.g. 1404-09..1405-08.")
  PeriodRange periods;

  public PeriodRange periods() {
    return periods;
  }
}
