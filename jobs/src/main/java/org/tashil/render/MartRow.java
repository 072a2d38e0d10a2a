package org.tashil.render;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.marts.MartColumn;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.Share;

/**
 * Typed access to one collected mart row through its mart's declared columns: counts as longs,
 * shares with the households under them.
 */
record MartRow(Row row) {

  MartRow {
    Objects.requireNonNull(row, "row");
  }

  /** Whether the row has the column: a mart an earlier Tashil wrote may lack a newer one. */
  boolean has(MartColumn column) {
    return row.schema() == null
        || java.util.Arrays.asList(row.schema().fieldNames()).contains(column.name());
  }

  long count(MartColumn column) {
    Object value = row.getAs(column.name());
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A whole number that may have no value. */
  Integer whole(MartColumn column) {
    Object value = row.getAs(column.name());
    return value == null ? null : ((Number) value).intValue();
  }

  Double number(MartColumn column) {
    Object value = row.getAs(column.name());
    return value == null ? null : ((Number) value).doubleValue();
  }

  String text(MartColumn column) {
    return row.getAs(column.name());
  }

  boolean flag(MartColumn column) {
    Boolean value = row.getAs(column.name());
    return value != null && value;
  }

  LocalDate date(MartColumn column) {
    return row.getAs(column.name());
  }

  /** Texts, as a mart's array column holds them; an empty list for none. */
  java.util.List<String> texts(MartColumn column) {
    java.util.List<?> values = row.getList(row.fieldIndex(column.name()));
    return values == null ? java.util.List.of() : values.stream().map(String::valueOf).toList();
  }

  /** A share the mart computed, over {@code households} households (the suppression's count). */
  Share share(MartColumn column, long households) {
    Double value = number(column);
    return value == null ? Share.none() : new Share(value, households);
  }

  BilingualName name(MartColumn persian, MartColumn english) {
    String fa = text(persian);
    String en = text(english);
    return new BilingualName(fa == null ? en : fa, en == null ? fa : en);
  }
}
