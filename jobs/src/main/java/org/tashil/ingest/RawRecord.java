package org.tashil.ingest;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One record of an office file, values as text in header order.
 *
 * @param line the record's first line in a CSV file, or its row number in a worksheet
 * @param values the cells as written; null for an empty cell
 * @param uncomputed positions of formula cells that hold no computed value (a workbook saved by a
 *     program that does not compute formulas): such a cell has no value to read, never 0
 */
public record RawRecord(int line, List<String> values, Set<Integer> uncomputed) {

  public RawRecord {
    values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    uncomputed = Collections.unmodifiableSet(new TreeSet<>(uncomputed));
  }

  public RawRecord(int line, List<String> values) {
    this(line, values, Set.of());
  }
}
