package org.tashil.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.tashil.calendar.Period;

/**
 * The day an office's file arrived in the inbox, on which it is judged on time or late: its
 * modification day (in Tehran) when that is earlier than the day a run first saw it, and never
 * before the period's first day. A file that waited in the inbox for the next run counts from the
 * day it was put there, not from that run; a modification time later than the first sight (a file
 * touched again, or a clock in the future) changes nothing, and one before the period started (a
 * file copied with an old time) counts from the period's first day.
 */
public final class ArrivalDay {

  private ArrivalDay() {}

  /**
   * @param modified the file's modification time in milliseconds since the epoch; 0 or less when
   *     not known (then the file arrived when it was first seen)
   * @param firstSeen the day a run first saw the file
   */
  public static LocalDate of(long modified, LocalDate firstSeen, Period period) {
    Objects.requireNonNull(firstSeen, "firstSeen");
    LocalDate arrived = firstSeen;
    if (modified > 0) {
      LocalDate modifiedOn = Instant.ofEpochMilli(modified).atZone(Period.TEHRAN).toLocalDate();
      if (modifiedOn.isBefore(firstSeen)) {
        arrived = modifiedOn;
      }
    }
    return arrived.isBefore(period.firstDay()) ? period.firstDay() : arrived;
  }

  /** The earlier of two days. */
  static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
