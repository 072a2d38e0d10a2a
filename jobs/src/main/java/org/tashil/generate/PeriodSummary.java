package org.tashil.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;

/**
 * What was written for one period.
 *
 * @param activeOffices offices active in the period (each gets a folder if it sent anything)
 * @param files files written
 * @param messyFiles files written with at least one quirk
 * @param messyRows data rows in those files
 * @param rows data rows written per dataset, broken ones included
 * @param brokenRows rows broken on purpose in files the ingest reads (it quarantines them, and the
 *     rows that share a duplicated key)
 * @param raggedRows rows written with a field more or fewer than the header, in files the ingest
 *     reads: it quarantines each, and none of them is also broken otherwise
 * @param unbalancedQuoteFiles files with a quote that opens and never closes: the ingest rejects
 *     each whole
 * @param unreadableRows data rows of those files, which the ingest does not read
 * @param newDemands demands registered in the period (in the files of offices that sent them)
 */
public record PeriodSummary(
    Period period,
    int activeOffices,
    int files,
    int messyFiles,
    int messyRows,
    Map<OfficeDataset, Integer> rows,
    int brokenRows,
    int raggedRows,
    int unbalancedQuoteFiles,
    int unreadableRows,
    int newDemands) {

  public PeriodSummary {
    Objects.requireNonNull(period, "period");
    EnumMap<OfficeDataset, Integer> copy = new EnumMap<>(OfficeDataset.class);
    for (OfficeDataset dataset : OfficeDataset.values()) {
      copy.put(dataset, rows.getOrDefault(dataset, 0));
    }
    rows = Collections.unmodifiableMap(copy);
  }

  public int rows(OfficeDataset dataset) {
    return rows.get(dataset);
  }

  public int totalRows() {
    return rows.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Data rows in the files the ingest can read: all but those of files it rejects whole. */
  public int readableRows() {
    return totalRows() - unreadableRows;
  }
}
