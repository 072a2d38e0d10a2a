package org.tashil.ingest;

import java.util.List;
import java.util.Objects;

/**
 * An office file as read, before any rule: how it was read, its header and its records.
 *
 * @param format {@code csv} or {@code xlsx}
 * @param encoding the character encoding a CSV file was decoded with, null for a workbook
 * @param delimiter the CSV delimiter detected from the header line, null for a workbook
 */
public record RawTable(
    String format,
    String encoding,
    String delimiter,
    List<String> header,
    List<RawRecord> records) {

  public RawTable {
    Objects.requireNonNull(format, "format");
    header = List.copyOf(header);
    records = List.copyOf(records);
  }
}
