package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

/**
 * Rows of an office quarantined for one reason this month, and the month before ({@code
 * rowsPreviousMonth}: null when that month was never aggregated, so nobody knows).
 */
public record ReasonCount(RejectReason reason, long rows, Long rowsPreviousMonth) {

  public ReasonCount {
    requireNonNull(reason, "reason");
    requireCount(rows, "rows");
    if (rowsPreviousMonth != null) {
      requireCount(rowsPreviousMonth, "rowsPreviousMonth");
    }
  }
}
