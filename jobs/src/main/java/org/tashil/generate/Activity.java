package org.tashil.generate;

import java.time.LocalDate;

/** One row of an activities file (contract §2.3). */
record Activity(
    String activityId,
    String settlementId,
    LocalDate heldOn,
    String kind,
    int participants,
    int womenParticipants)
    implements GeneratedRow {

  @Override
  public Object value(String column) {
    return switch (column) {
      case "activity_id" -> activityId;
      case "settlement_id" -> settlementId;
      case "held_on" -> heldOn;
      case "kind" -> kind;
      case "participants" -> participants;
      case "women_participants" -> womenParticipants;
      default -> throw new IllegalArgumentException("activities has no column " + column);
    };
  }
}
