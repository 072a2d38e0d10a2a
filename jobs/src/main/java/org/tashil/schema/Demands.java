package org.tashil.schema;

import static org.tashil.schema.Column.date;
import static org.tashil.schema.Column.enumeration;
import static org.tashil.schema.Column.integer;
import static org.tashil.schema.Column.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.tashil.calendar.JalaliDate;
import org.tashil.schema.Column.DateBound;
import org.tashil.schema.Column.Lookup;

/**
 * Residents' demands (contract §2.2): one row per demand registered or changed in the period, in
 * its current state. The key across periods is office_id + demand_id.
 */
final class Demands {

  static final Set<String> REFERRED_STATUSES =
      Set.of("referred", "in_progress", "resolved", "rejected");
  static final Set<String> CLOSED_STATUSES = Set.of("resolved", "rejected", "withdrawn");

  static final DatasetSchema SCHEMA =
      new DatasetSchema(
          "demands",
          List.of(
              text("demand_id", 64).identifier(),
              text("settlement_id", 64).foundIn(Lookup.SETTLEMENT),
              date("registered_on").bounded(DateBound.NOT_AFTER_PERIOD),
              enumeration(
                  "category",
                  "water",
                  "electricity",
                  "sewage",
                  "roads",
                  "waste",
                  "education",
                  "health",
                  "security",
                  "documents",
                  "tenure",
                  "employment",
                  "welfare",
                  "relocation",
                  "other"),
              text("agency_id", 64).foundIn(Lookup.AGENCY),
              integer("households_affected", 1, 5000),
              enumeration("priority", "normal", "urgent"),
              enumeration(
                  "status",
                  "registered",
                  "referred",
                  "in_progress",
                  "resolved",
                  "rejected",
                  "withdrawn"),
              date("referred_on").optional(),
              date("closed_on").optional(),
              date("updated_on").bounded(DateBound.NOT_AFTER_PERIOD),
              text("summary", 500).optional().freeText()),
          "demand_id",
          List.of(
              Demands::referredWhenStatusSaysSo,
              Demands::closedExactlyWhenStatusSaysSo,
              RowRules.notBefore("referred_on", "registered_on"),
              RowRules.notBefore("closed_on", "registered_on"),
              Demands::updatedLast));

  private Demands() {}

  private static void referredWhenStatusSaysSo(TypedRow row, List<Problem> problems) {
    String status = row.text("status");
    if (status != null && REFERRED_STATUSES.contains(status) && !row.isPresent("referred_on")) {
      problems.add(
          Problem.of(
              ProblemCode.MISSING_REQUIRED, "referred_on", "rule.referred_on_required", status));
    }
  }

  private static void closedExactlyWhenStatusSaysSo(TypedRow row, List<Problem> problems) {
    String status = row.text("status");
    if (status == null) {
      return;
    }
    boolean closed = CLOSED_STATUSES.contains(status);
    if (closed && !row.isPresent("closed_on")) {
      problems.add(
          Problem.of(ProblemCode.MISSING_REQUIRED, "closed_on", "rule.closed_on_required", status));
    } else if (!closed && row.isPresent("closed_on")) {
      problems.add(
          Problem.of(ProblemCode.INCONSISTENT, "closed_on", "rule.closed_on_while_open", status));
    }
  }

  /** updated_on is on or after every other date of the row. */
  private static void updatedLast(TypedRow row, List<Problem> problems) {
    LocalDate updated = row.date("updated_on");
    if (updated == null) {
      return;
    }
    for (String other : List.of("registered_on", "referred_on", "closed_on")) {
      LocalDate date = row.date(other);
      if (date != null && updated.isBefore(date)) {
        problems.add(
            Problem.of(
                ProblemCode.INCONSISTENT,
                "updated_on",
                "rule.not_before",
                "updated_on",
                JalaliDate.describe(updated),
                other,
                JalaliDate.describe(date)));
        return;
      }
    }
  }
}
