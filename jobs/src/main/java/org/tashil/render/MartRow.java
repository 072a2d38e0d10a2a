package org.tashil.render;

import org.apache.spark.sql.Row;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.Share;

/**
 * Typed access to one collected mart row: counts as longs, shares with the households under them.
 */
record MartRow(Row row) {

  long count(String column) {
    Object value = row.getAs(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  Double number(String column) {
    Object value = row.getAs(column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  String text(String column) {
    return row.getAs(column);
  }

  boolean flag(String column) {
    Boolean value = row.getAs(column);
    return value != null && value;
  }

  /** A share the mart computed, over {@code households} households (the suppression's count). */
  Share share(String column, long households) {
    Double value = number(column);
    return value == null ? Share.none() : new Share(value, households);
  }

  BilingualName name(String persian, String english) {
    String fa = text(persian);
    String en = text(english);
    return new BilingualName(fa == null ? en : fa, en == null ? fa : en);
  }
}
