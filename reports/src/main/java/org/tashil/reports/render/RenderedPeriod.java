package org.tashil.reports.render;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What rendering a period wrote: its folder, every PDF (province first), the index, the time; the
 * folder and the index as a user names them (a path of this machine, or a URI).
 */
public record RenderedPeriod(
    String folder, List<RenderedReport> reports, String index, Duration elapsed) {

  public RenderedPeriod {
    requireNonNull(folder, "folder");
    reports = List.copyOf(reports);
    requireNonNull(index, "index");
    requireNonNull(elapsed, "elapsed");
  }
}
