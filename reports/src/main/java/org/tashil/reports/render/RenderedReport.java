package org.tashil.reports.render;

import static java.util.Objects.requireNonNull;

/**
 * One file of a period as written, a report's PDF or the XLSX of its tables: its path relative to
 * the period's folder ({@code province.pdf}, {@code settlements/AHV-001.xlsx}), its kind of report,
 * the key of what it reports on (the settlement's id; empty for the province), its pages (an XLSX's
 * sheets) and the SHA-256 of its bytes: one line of {@code index.csv}.
 */
public record RenderedReport(String file, ReportKind kind, String key, int pages, String sha256) {

  public RenderedReport {
    requireNonNull(file, "file");
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
    requireNonNull(sha256, "sha256");
    if (pages < 1) {
      throw new IllegalArgumentException("a file has at least one page or sheet, not " + pages);
    }
  }
}
