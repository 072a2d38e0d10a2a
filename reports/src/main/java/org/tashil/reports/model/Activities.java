package org.tashil.reports.model;

import static org.tashil.reports.model.Counts.requireCount;

/** Trust-building activities held in the period and their participants. */
public record Activities(long activities, long participants, long womenParticipants) {

  public Activities {
    requireCount(activities, "activities");
    requireCount(participants, "participants");
    requireCount(womenParticipants, "womenParticipants");
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
    return new Activities(0, 0, 0);
  }
}
