package org.tashil.schema;

/** What kind of value a column holds, and so how its text is parsed. */
public enum ColumnType {
  TEXT,
  INTEGER,
  DATE,
  ENUM
}
