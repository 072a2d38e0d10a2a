package org.tashil.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One demand and its whole life, planned the day it is registered: when it is referred to its
 * agency, when the agency starts work, and when and how it closes (resolved, rejected or
 * withdrawn). Dates may lie beyond the last period generated: such a demand is still open there.
 * Between the steps the office follows it up now and then, which also updates it.
 *
 * @param referredOn null when it is withdrawn before referral
 * @param startedOn the day it went in progress, or null when it never did
 * @param outcome resolved, rejected or withdrawn
 * @param confirmedOn the day, some weeks after it was resolved, that the office checked with the
 *     residents that the problem is gone (the row is sent again, still resolved), or null
 */
record Demand(
    String id,
    String officeId,
    String settlementId,
    String category,
    String agencyId,
    int householdsAffected,
    String priority,
    String summary,
    LocalDate registeredOn,
    LocalDate referredOn,
    LocalDate startedOn,
    LocalDate closedOn,
    String outcome,
    LocalDate confirmedOn) {

  private static final double FOLLOW_UP = 0.85;

  Demand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(registeredOn, "registeredOn");
    Objects.requireNonNull(closedOn, "closedOn");
  }

  /** Its status at the end of {@code date}. */
  String statusOn(LocalDate date) {
    if (!date.isBefore(closedOn)) {
      return outcome;
    }
    if (startedOn != null && !date.isBefore(startedOn)) {
      return "in_progress";
    }
    if (referredOn != null && !date.isBefore(referredOn)) {
      return "referred";
    }
    return "registered";
  }

  /**
   * The days from {@code from} to {@code to} (both included) on which it changed or was updated.
   */
  List<LocalDate> updates(Month from, Month to, long seed) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate step : new LocalDate[] {registeredOn, referredOn, startedOn, closedOn}) {
      if (step != null && !step.isBefore(from.firstDay()) && !step.isAfter(to.lastDay())) {
        days.add(step);
      }
    }
    for (Month month = from; month.period().compareTo(to.period()) <= 0; month = month.next()) {
      followUp(month, seed).ifPresent(days::add);
    }
    if (confirmedOn != null
        && !confirmedOn.isBefore(from.firstDay())
        && !confirmedOn.isAfter(to.lastDay())) {
      days.add(confirmedOn);
    }
    days.sort(null);
    return days;
  }

  /** A follow-up in the month while the agency has it, drawn from the demand's own stream. */
  private Optional<LocalDate> followUp(Month month, long seed) {
    if (referredOn == null) {
      return Optional.empty();
    }
    LocalDate first = max(month.firstDay(), referredOn.plusDays(1));
    LocalDate last = min(month.lastDay(), closedOn.minusDays(1));
    if (first.isAfter(last)) {
      return Optional.empty();
    }
    SplittableRandom random = Seeds.random(seed, "follow-up", officeId, id, month);
    if (!Draws.chance(FOLLOW_UP, random)) {
      return Optional.empty();
    }
    return Optional.of(Draws.day(first, last, random));
  }

  /** The last day it changes: its confirmation, or its closing. */
  LocalDate lastChange() {
    return confirmedOn == null ? closedOn : confirmedOn;
  }

  /** The demands-file row for its state at the end of {@code updatedOn}. */
  DemandState stateOn(LocalDate updatedOn) {
    String status = statusOn(updatedOn);
    boolean closed = !updatedOn.isBefore(closedOn);
    boolean referred = referredOn != null && !updatedOn.isBefore(referredOn);
    return new DemandState(
        id,
        settlementId,
        registeredOn,
        category,
        agencyId,
        householdsAffected,
        priority,
        status,
        referred ? referredOn : null,
        closed ? closedOn : null,
        updatedOn,
        summary);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
