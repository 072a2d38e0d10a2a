package org.tashil.generate;

import java.util.List;

/**
 * A file's content before it becomes bytes: its header and its rows, each cell text, an Integer (a
 * number cell of a workbook), a LocalDate (a date cell of a workbook) or null (empty).
 */
record RenderedTable(List<String> header, List<Object[]> rows) {

  RenderedTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }
}
