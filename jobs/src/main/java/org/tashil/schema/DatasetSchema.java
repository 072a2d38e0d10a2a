package org.tashil.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that defines one dataset an office sends: its canonical columns in order, the column
 * that must be unique within a file, and the rules that compare columns.
 */
public record DatasetSchema(
    String name, List<Column> columns, String keyColumn, List<RowRule> rules)
    implements Serializable {

  public DatasetSchema {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(keyColumn, "keyColumn");
    rules = List.copyOf(rules);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }

  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + columnName);
  }

  /** Columns whose header must be in a file: those whose value is always required. */
  public List<String> requiredHeaders() {
    return columns.stream().filter(Column::isRequired).map(Column::name).toList();
  }
}
