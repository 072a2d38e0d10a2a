package org.tashil.reports.tables;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/**
 * One table of a report, as one sheet of its workbook: the sheet's name, the column headers, the
 * rows of typed cells, and the notes printed under the table (why a share reads {@code *}). Headers
 * and text are in the report's language.
 */
public record Table(String sheet, List<String> headers, List<List<Cell>> rows, List<String> notes) {

  /** Excel's limit on a sheet's name. */
  public static final int SHEET_NAME_LENGTH = 31;

  public Table {
    requireNonNull(sheet, "sheet");
    checkSheetName(sheet);
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("sheet " + sheet + " has no column");
    }
    for (List<Cell> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "sheet " + sheet + ": a row of " + row.size() + " cells under " + headers.size());
      }
    }
  }

  /**
   * The table of {@code rows}, one line each, its columns declared in order; a note under it when a
   * share is suppressed.
   */
  @SafeVarargs
  public static <R> Table of(
      String sheet, List<R> rows, String suppressedNote, Column<R>... columns) {
    List<String> headers = java.util.Arrays.stream(columns).map(Column::header).toList();
    List<List<Cell>> cells =
        rows.stream()
            .map(row -> java.util.Arrays.stream(columns).map(column -> column.cell(row)).toList())
            .toList();
    return new Table(sheet, headers, cells, notesFor(cells, suppressedNote));
  }

  /** Whether any cell is a suppressed share. */
  public boolean hasSuppressed() {
    return rows.stream().flatMap(List::stream).anyMatch(Cell.Suppressed.class::isInstance);
  }

  static List<String> notesFor(List<List<Cell>> cells, String suppressedNote) {
    boolean suppressed =
        cells.stream().flatMap(List::stream).anyMatch(Cell.Suppressed.class::isInstance);
    return suppressed ? List.of(suppressedNote) : List.of();
  }

  /**
   * A sheet's name as Excel takes it: 1–31 characters, none of {@code : \ / ? * [ ]}, not starting
   * or ending with an apostrophe.
   */
  static void checkSheetName(String name) {
    if (name.isBlank() || name.length() > SHEET_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a sheet's name is 1–" + SHEET_NAME_LENGTH + " characters, not '" + name + "'");
    }
    for (char forbidden : new char[] {':', '\\', '/', '?', '*', '[', ']'}) {
      if (name.indexOf(forbidden) >= 0) {
        throw new IllegalArgumentException(
            "a sheet's name has no '" + forbidden + "': '" + name + "'");
      }
    }
    if (name.startsWith("'") || name.endsWith("'")) {
      throw new IllegalArgumentException(
          "a sheet's name neither starts nor ends with an apostrophe: '" + name + "'");
    }
  }

  /** A column: its header and what it shows of a row. */
  public record Column<R>(String header, Function<R, Cell> value) {
    public Column {
      requireNonNull(header, "header");
      requireNonNull(value, "value");
    }

    Cell cell(R row) {
      return requireNonNull(value.apply(row), () -> "column " + header + " gave no cell");
    }
  }
}
