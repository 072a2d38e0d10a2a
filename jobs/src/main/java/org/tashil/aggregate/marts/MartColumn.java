package org.tashil.aggregate.marts;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * One column of a mart, declared once: its name, its Spark type and what it means (one line, for
 * {@code docs/indicators.md}). The mart's code, the reports' inputs and the DuckDB comparison all
 * name the column through this value.
 */
public record MartColumn(String name, DataType type, String meaning) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public MartColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(meaning, "meaning");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a mart column is named in lower_snake_case: " + name);
    }
    if (meaning.isBlank() || meaning.contains("|") || meaning.contains("\n")) {
      throw new IllegalArgumentException(
          name + ": a column's meaning is one line of text without '|': " + meaning);
    }
  }

  /** The column of a frame that has it. */
  public Column col() {
    return functions.col(name);
  }

  /** {@code expression} named as this column. */
  public Column of(Column expression) {
    return expression.as(name);
  }
}
