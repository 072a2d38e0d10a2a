package org.tashil.ingest;

import java.util.List;

/**
 * One record of an office file, values as text in header order.
 *
 * @param line the record's first line in a CSV file, or its row number in a worksheet
 */
public record RawRecord(int line, List<String> values) {

  public RawRecord {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }
}
