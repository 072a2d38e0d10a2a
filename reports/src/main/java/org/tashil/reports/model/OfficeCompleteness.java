package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/** One active office: what became of each of its files, and its rows read and quarantined. */
public record OfficeCompleteness(
    String officeId,
    BilingualName office,
    int settlementsServed,
    Arrival households,
    Arrival demands,
    Arrival activities,
    long rowsRead,
    long rowsQuarantined) {

  public OfficeCompleteness {
    requireNonNull(officeId, "officeId");
    requireNonNull(office, "office");
    requireCount(settlementsServed, "settlementsServed");
    requireNonNull(households, "households");
    requireNonNull(demands, "demands");
    requireNonNull(activities, "activities");
    requireCount(rowsRead, "rowsRead");
    requireCount(rowsQuarantined, "rowsQuarantined");
    if (rowsQuarantined > rowsRead) {
      throw new IllegalArgumentException(
          officeId
              + ": rows quarantined ("
              + rowsQuarantined
              + ") exceed rows read ("
              + rowsRead
              + ")");
    }
  }
}
