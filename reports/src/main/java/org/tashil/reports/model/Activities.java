package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * Trust-building activities held in the period and their participants, and whether the offices'
 * activities files behind them arrived ({@code files}, docs/indicators.md §5.1).
 */
public record Activities(
    long activities, long participants, long womenParticipants, FileCoverage files) {

  public Activities {
    requireCount(activities, "activities");
    requireCount(participants, "participants");
    requireCount(womenParticipants, "womenParticipants");
    requireNonNull(files, "files");
    if (womenParticipants > participants) {
      throw new IllegalArgumentException(
          "women participants ("
              + womenParticipants
              + ") exceed participants ("
              + participants
              + ")");
    }
  }

  public static Activities none() {
    return new Activities(0, 0, 0, FileCoverage.complete(0));
  }
}
