package org.tashil.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tashil.schema.OfficeDataset;

/** What a run of the generator wrote, period by period. */
public record GenerationSummary(Path inbox, List<PeriodSummary> periods) {

  public GenerationSummary {
    Objects.requireNonNull(inbox, "inbox");
    periods = List.copyOf(periods);
  }

  public int files() {
    return periods.stream().mapToInt(PeriodSummary::files).sum();
  }

  public int messyFiles() {
    return periods.stream().mapToInt(PeriodSummary::messyFiles).sum();
  }

  public int messyRows() {
    return periods.stream().mapToInt(PeriodSummary::messyRows).sum();
  }

  public int rows(OfficeDataset dataset) {
    return periods.stream().mapToInt(period -> period.rows(dataset)).sum();
  }

  public int totalRows() {
    return periods.stream().mapToInt(PeriodSummary::totalRows).sum();
  }

  public int brokenRows() {
    return periods.stream().mapToInt(PeriodSummary::brokenRows).sum();
  }

  public int raggedRows() {
    return periods.stream().mapToInt(PeriodSummary::raggedRows).sum();
  }

  public int unbalancedQuoteFiles() {
    return periods.stream().mapToInt(PeriodSummary::unbalancedQuoteFiles).sum();
  }

  public int unreadableRows() {
    return periods.stream().mapToInt(PeriodSummary::unreadableRows).sum();
  }

  public int readableRows() {
    return totalRows() - unreadableRows();
  }
}
