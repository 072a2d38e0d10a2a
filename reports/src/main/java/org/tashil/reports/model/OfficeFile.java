package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

import java.time.LocalDate;

/**
 * What became of one of an office's files this month: its {@link Arrival}, the day it arrived (null
 * when none did), how many days after the period's last day a late file arrived, and its rows read,
 * accepted and quarantined.
 */
public record OfficeFile(
    Dataset dataset,
    Arrival arrival,
    LocalDate arrivedOn,
    Long daysAfterPeriodEnd,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined) {

  public OfficeFile {
    requireNonNull(dataset, "dataset");
    requireNonNull(arrival, "arrival");
    if (arrival == Arrival.LATE) {
      requireNonNull(daysAfterPeriodEnd, "daysAfterPeriodEnd of a late file");
      requireCount(daysAfterPeriodEnd, "daysAfterPeriodEnd");
    }
    requireCount(rowsRead, "rowsRead");
    requireCount(rowsAccepted, "rowsAccepted");
    requireCount(rowsQuarantined, "rowsQuarantined");
    if (rowsAccepted + rowsQuarantined != rowsRead) {
      throw new IllegalArgumentException(
          dataset
              + ": rows read ("
              + rowsRead
              + ") are rows accepted ("
              + rowsAccepted
              + ") + quarantined ("
              + rowsQuarantined
              + ")");
    }
  }
}
