package org.tashil.reports.render;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What rendering a period wrote: its folder, every file {@code index.csv} lists (each report's PDF
 * and, when its kind has tables, its XLSX; province first), the index, the index page, the time;
 * the folder, the index and the page as a user names them (a path of this machine, or a URI).
 */
public record RenderedPeriod(
    String folder, List<RenderedReport> files, String index, String page, Duration elapsed) {

  public RenderedPeriod {
    requireNonNull(folder, "folder");
    files = List.copyOf(files);
    requireNonNull(index, "index");
    requireNonNull(page, "page");
    requireNonNull(elapsed, "elapsed");
  }

  /** Every PDF, one per report, province first. */
  public List<RenderedReport> reports() {
    return files.stream().filter(file -> file.file().endsWith(".pdf")).toList();
  }

  /** Every XLSX of the reports' tables, in the same order. */
  public List<RenderedReport> tables() {
    return files.stream().filter(file -> file.file().endsWith(".xlsx")).toList();
  }
}
