package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What every page names besides the figures: the language, the run that made the report, its
 * revision (1 for the period's first report, 2 after late or corrected files re-ran it, …), the day
 * it was generated (printed as a Jalali date), the warehouse (marts' Delta table) version the
 * figures were read from, and the period. {@code suppressionThreshold}: a share over fewer
 * households than this prints {@code *} (contract §6, default 5). {@code filesDue}: the last day an
 * office's file of the period counted as on time (the period's last day + the on-time days), which
 * the data-quality sections state.
 */
public record RenderContext(
    Language language,
    String runId,
    int revision,
    LocalDate generatedOn,
    long warehouseVersion,
    ReportPeriod period,
    int suppressionThreshold,
    LocalDate filesDue) {

  public static final int DEFAULT_SUPPRESSION_THRESHOLD = 5;

  /** Days after a period's last day its files count as on time, unless told (jobs' default). */
  public static final int DEFAULT_ON_TIME_DAYS = 10;

  public RenderContext {
    requireNonNull(language, "language");
    requireNonNull(runId, "runId");
    requireNonNull(generatedOn, "generatedOn");
    requireNonNull(period, "period");
    requireNonNull(filesDue, "filesDue");
    if (runId.isBlank()) {
      throw new IllegalArgumentException("the run id is empty");
    }
    if (revision < 1) {
      throw new IllegalArgumentException("a revision is 1 or more, not " + revision);
    }
    if (warehouseVersion < 0) {
      throw new IllegalArgumentException("a warehouse version is ≥ 0, not " + warehouseVersion);
    }
    if (suppressionThreshold < 1) {
      throw new IllegalArgumentException(
          "the suppression threshold is at least 1 household, not " + suppressionThreshold);
    }
    if (filesDue.isBefore(period.lastDay())) {
      throw new IllegalArgumentException(
          "files are due on or after the period's last day "
              + period.lastDay()
              + ", not "
              + filesDue);
    }
  }

  /** Files due {@link #DEFAULT_ON_TIME_DAYS} after the period's last day. */
  public RenderContext(
      Language language,
      String runId,
      int revision,
      LocalDate generatedOn,
      long warehouseVersion,
      ReportPeriod period,
      int suppressionThreshold) {
    this(
        language,
        runId,
        revision,
        generatedOn,
        warehouseVersion,
        period,
        suppressionThreshold,
        period.lastDay().plusDays(DEFAULT_ON_TIME_DAYS));
  }

  public RenderContext(
      Language language,
      String runId,
      LocalDate generatedOn,
      long warehouseVersion,
      ReportPeriod period) {
    this(language, runId, 1, generatedOn, warehouseVersion, period, DEFAULT_SUPPRESSION_THRESHOLD);
  }

  /** Days from the period's last day to {@link #filesDue}. */
  public int onTimeDays() {
    return Math.toIntExact(java.time.temporal.ChronoUnit.DAYS.between(period.lastDay(), filesDue));
  }

  public RenderContext withLanguage(Language other) {
    return new RenderContext(
        other,
        runId,
        revision,
        generatedOn,
        warehouseVersion,
        period,
        suppressionThreshold,
        filesDue);
  }
}
