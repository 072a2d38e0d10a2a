package org.tashil.schema;

import java.time.LocalDate;

/** The parsed values of one row, by canonical column name; null where empty or unparsable. */
public interface TypedRow {

  Object value(String column);

  default String text(String column) {
    return (String) value(column);
  }

  default Integer integer(String column) {
    return (Integer) value(column);
  }

  default LocalDate date(String column) {
    return (LocalDate) value(column);
  }

  /** Whether the office wrote anything in the column, even something that failed to parse. */
  boolean isPresent(String column);
}
