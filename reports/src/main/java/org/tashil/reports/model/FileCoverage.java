package org.tashil.reports.model;

import static org.tashil.reports.model.Counts.requireCount;

/**
 * Whether the offices behind some figures sent their file of one dataset (demands or activities)
 * this period (docs/indicators.md §5.1). Of {@code activeOffices} (for a settlement its office: 1,
 * or 0 when it is not active), {@code officesMissing} sent none or one rejected whole; {@code
 * lastFile} is, for a settlement, the latest period whose demands file from its office arrived
 * (null when none ever did, and for activities, a county or the province).
 */
public record FileCoverage(int activeOffices, int officesMissing, ReportPeriod lastFile) {

  public FileCoverage {
    requireCount(activeOffices, "activeOffices");
    requireCount(officesMissing, "officesMissing");
    if (officesMissing > activeOffices) {
      throw new IllegalArgumentException(
          "offices missing (" + officesMissing + ") exceed active offices (" + activeOffices + ")");
    }
  }

  /** Every one of {@code activeOffices} sent its file. */
  public static FileCoverage complete(int activeOffices) {
    return new FileCoverage(activeOffices, 0, null);
  }

  /** A settlement's office's file: sent or not, and the last period whose file arrived. */
  public static FileCoverage ofSettlement(boolean due, boolean missing, ReportPeriod lastFile) {
    if (missing && !due) {
      throw new IllegalArgumentException("a file that was not due cannot be missing");
    }
    return new FileCoverage(due ? 1 : 0, missing ? 1 : 0, lastFile);
  }

  /**
   * No office behind the figures sent its file: the period's flows from it are unknown, not zero.
   */
  public boolean noFile() {
    return activeOffices > 0 && officesMissing == activeOffices;
  }

  /** Some offices, not all, sent no file: the figures add up the others'. */
  public boolean partial() {
    return officesMissing > 0 && officesMissing < activeOffices;
  }
}
