package org.tashil.schema;

import static org.tashil.schema.Column.date;
import static org.tashil.schema.Column.enumeration;
import static org.tashil.schema.Column.integer;
import static org.tashil.schema.Column.text;

import java.util.List;
import org.tashil.schema.Column.DateBound;
import org.tashil.schema.Column.Lookup;

/**
 * Trust-building activities (contract §2.3): meetings, sessions, counselling held in the period.
 */
final class Activities {

  static final DatasetSchema SCHEMA =
      new DatasetSchema(
          "activities",
          List.of(
              text("activity_id", 64).identifier(),
              text("settlement_id", 64).foundIn(Lookup.SETTLEMENT),
              date("held_on").bounded(DateBound.INSIDE_PERIOD),
              enumeration(
                  "kind",
                  "trustee_meeting",
                  "community_meeting",
                  "workshop",
                  "agency_visit",
                  "relocation_counselling",
                  "survey_campaign",
                  "other"),
              integer("participants", 0, 5000),
              integer("women_participants", 0, 5000)),
          "activity_id",
          List.of(RowRules.atMost("women_participants", "participants")));

  private Activities() {}
}
