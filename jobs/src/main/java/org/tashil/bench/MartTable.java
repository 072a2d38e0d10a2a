package org.tashil.bench;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows of one mart for one period, as plain Java values (text, integers, doubles, dates,
 * nulls), whichever engine computed them: what {@link MartComparison} compares.
 */
public record MartTable(List<String> columns, List<Map<String, Object>> rows) {

  public MartTable {
    columns = List.copyOf(columns);
    List<Map<String, Object>> copies = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Objects.requireNonNull(row, "row");
      copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }
    rows = Collections.unmodifiableList(copies);
  }

  /** Collects a Spark result: only for bounded results, such as one period of a mart. */
  public static MartTable collect(Dataset<Row> rows) {
    List<String> columns = Arrays.asList(rows.columns());
    List<Map<String, Object>> values = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      Map<String, Object> value = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        value.put(columns.get(i), row.isNullAt(i) ? null : row.get(i));
      }
      values.add(value);
    }
    return new MartTable(columns, values);
  }

  /** Reads a JDBC result to its end. */
  public static MartTable read(ResultSet result) throws SQLException {
    ResultSetMetaData metaData = result.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      columns.add(metaData.getColumnLabel(i));
    }
    List<Map<String, Object>> values = new ArrayList<>();
    while (result.next()) {
      Map<String, Object> value = new LinkedHashMap<>();
      for (int i = 1; i <= columns.size(); i++) {
        Object cell = result.getObject(i);
        value.put(
            columns.get(i - 1), cell instanceof java.sql.Date date ? date.toLocalDate() : cell);
      }
      values.add(value);
    }
    return new MartTable(columns, values);
  }

  /** The same rows with one value replaced: how a test plants a difference. */
  public MartTable with(String keyColumn, Object key, String column, Object value) {
    if (!columns.contains(column)) {
      throw new IllegalArgumentException("no column " + column);
    }
    List<Map<String, Object>> changed = new ArrayList<>();
    boolean found = false;
    for (Map<String, Object> row : rows) {
      if (Objects.equals(row.get(keyColumn), key)) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put(column, value);
        changed.add(copy);
        found = true;
      } else {
        changed.add(row);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no row with " + keyColumn + " = " + key);
    }
    return new MartTable(columns, changed);
  }

  /** The value of {@code column} in the row whose {@code keyColumn} is {@code key}. */
  public Object value(String keyColumn, Object key, String column) {
    return rows.stream()
        .filter(row -> Objects.equals(row.get(keyColumn), key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row with " + keyColumn + " = " + key))
        .get(column);
  }
}
