package org.tashil.reports.render;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What rendering a period wrote: its folder, every PDF (province first), the index, the time. */
public record RenderedPeriod(
    Path folder, List<RenderedReport> reports, Path index, Duration elapsed) {

  public RenderedPeriod {
    requireNonNull(folder, "folder");
    reports = List.copyOf(reports);
    requireNonNull(index, "index");
    requireNonNull(elapsed, "elapsed");
  }
}
