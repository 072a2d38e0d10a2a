package org.tashil.reports.render;

import static java.util.Objects.requireNonNull;

/**
 * One PDF of a period as written: its path relative to the period's folder ({@code province.pdf},
 * {@code settlements/AHV-001.pdf}), the settlement (empty for the province), its pages and the
 * SHA-256 of its bytes: one line of {@code index.csv}.
 */
public record RenderedReport(String file, String settlementId, int pages, String sha256) {

  public RenderedReport {
    requireNonNull(file, "file");
    requireNonNull(settlementId, "settlementId");
    requireNonNull(sha256, "sha256");
    if (pages < 1) {
      throw new IllegalArgumentException("a report has at least one page, not " + pages);
    }
  }
}
