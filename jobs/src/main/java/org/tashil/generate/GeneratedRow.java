package org.tashil.generate;

/** One generated row, its values by canonical column name: text, Integer, LocalDate or null. */
interface GeneratedRow {

  Object value(String column);
}
