package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One row quarantined this month, as the office that sent it needs to find and fix it: the file and
 * line, the column at fault (null for the whole row), the reason, and the key and arguments of its
 * message (null key for rows quarantined by an earlier Tashil, which the report words by the reason
 * alone). {@code value} is the column's value as written, only for a column that can never hold a
 * person's name (a date, a number, an enumeration, an id); personal values arrive masked.
 */
public record RejectedRow(
    Dataset dataset,
    String file,
    int line,
    String column,
    RejectReason reason,
    String messageKey,
    List<String> arguments,
    String value) {

  public RejectedRow {
    requireNonNull(dataset, "dataset");
    requireNonNull(file, "file");
    requireNonNull(reason, "reason");
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    if (line < 1) {
      throw new IllegalArgumentException(file + ": a line is 1 or more, not " + line);
    }
  }
}
