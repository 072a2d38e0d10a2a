package org.tashil.generate;

import java.time.Instant;
import java.util.SplittableRandom;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;

/**
 * When an office's files of a month arrive in the inbox, given to each generated file as its
 * modification time: most offices send within the deadline, a few days after the month ends; about
 * one office in eight is late, by 11 to 30 days. Deterministic from the seed, the month and the
 * office; an office's files arrive together, a few minutes apart, in office hours in Tehran.
 */
final class ArrivalTimes {

  /** Share of office-months whose files are late. */
  static final double LATE_OFFICES = 0.12;

  /**
   * On-time files arrive from the month's last day to this many days after it (the default on-time
   * window is 10 days).
   */
  static final int ON_TIME_LAST_DAY = 8;

  /** Late files arrive this many days after the month's last day. */
  static final int LATE_FIRST_DAY = 11;

  static final int LATE_LAST_DAY = 30;

  private ArrivalTimes() {}

  /** The moment the office's file of {@code dataset} for {@code month} arrived. */
  static Instant of(long seed, Month month, String officeId, OfficeDataset dataset) {
    SplittableRandom office = Seeds.random(seed, "arrival", month, officeId);
    boolean late = Draws.chance(LATE_OFFICES, office);
    int days =
        late
            ? Draws.between(LATE_FIRST_DAY, LATE_LAST_DAY, office)
            : Draws.between(0, ON_TIME_LAST_DAY, office);
    int minute = Draws.between(8 * 60, 16 * 60, office) + 3 * dataset.ordinal();
    return month
        .lastDay()
        .plusDays(days)
        .atStartOfDay(Period.TEHRAN)
        .plusMinutes(minute)
        .toInstant();
  }
}
