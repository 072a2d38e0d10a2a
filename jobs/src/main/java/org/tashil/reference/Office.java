package org.tashil.reference;

import java.io.Serializable;
import java.util.Objects;
import org.tashil.calendar.JalaliDate;
import org.tashil.calendar.Period;

/** A facilitation office; {@code closedOn} is null while it works. */
public record Office(
    String id,
    String nameFa,
    String nameEn,
    String countyEn,
    JalaliDate openedOn,
    JalaliDate closedOn)
    implements Serializable {

  public Office {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(openedOn, "openedOn");
  }

  /**
   * Active in a period when it opened on or before the period's last day and has not closed before
   * its first day (contract §3).
   */
  public boolean isActiveIn(Period period) {
    boolean opened = !openedOn.toLocalDate().isAfter(period.lastDay());
    boolean closedBefore = closedOn != null && closedOn.toLocalDate().isBefore(period.firstDay());
    return opened && !closedBefore;
  }
}
