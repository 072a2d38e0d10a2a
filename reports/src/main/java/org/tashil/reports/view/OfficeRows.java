package org.tashil.reports.view;

/**
 * The rows of the office feedback report's tables (and of the province's quality flags), as
 * preformatted text in the report's language and digits.
 */
public final class OfficeRows {

  private OfficeRows() {}

  /** One file of the office: what became of it, when it arrived, its rows. */
  public record FileRow(
      String dataset,
      String status,
      Boolean alert,
      String arrivedOn,
      String rowsRead,
      String rowsAccepted,
      String rowsQuarantined) {}

  /** Rows quarantined for one reason this month and the month before. */
  public record ReasonRow(String reason, String rows, String previous) {}

  /** A month out of the ordinary: whose, what, this month's value, the usual range, months. */
  public record FlagRow(
      String name, String measure, String value, String usualRange, String monthsCompared) {}

  /** The demands open with one agency: its SLA, open, overdue, the oldest one's days. */
  public record BacklogRow(
      String agency, String slaDays, String open, String overdue, String oldestDays) {}

  /** One quarantined row: where, why and how to fix it. */
  public record RejectedLine(String file, String line, String column, String reason, String fix) {}
}
