package org.tashil.warehouse;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's columns as a write changes them: Delta Lake stores every column nullable, and a new
 * nullable column is the one change of a table's columns that Tashil makes by itself.
 */
final class TableColumns {

  private TableColumns() {}

  /**
   * The table's columns, followed by the columns the rows add to them: a new nullable column is the
   * one change of a table's columns that Tashil makes (a new version of Tashil that computes one
   * more figure), and the periods written before read it as null. A column the rows lack, or hold
   * as another type, would make the table's older files unreadable as the new ones: refused, naming
   * the table, its folder {@code tablePath} and the way forward.
   */
  static StructType withNewColumns(
      String table, String tablePath, StructType existing, StructType rows) {
    List<String> names = Arrays.asList(rows.fieldNames());
    for (StructField field : existing.fields()) {
      String change =
          !names.contains(field.name())
              ? "which the rows written now do not have"
              : !rows.apply(field.name()).dataType().equals(field.dataType())
                  ? "which the rows written now hold as "
                      + rows.apply(field.name()).dataType().simpleString()
                  : null;
      if (change != null) {
        throw new IllegalArgumentException(
            table
                + " has the column "
                + field.name()
                + " ("
                + field.dataType().simpleString()
                + "), "
                + change
                + ". Tashil adds columns to a table, but never removes or changes one: move the"
                + " folder "
                + tablePath
                + " aside and write every period again ("
                + (table.startsWith("marts/") || table.startsWith("state/")
                    ? "tashil aggregate --period FIRST..LAST"
                    : "tashil run --period FIRST..LAST --force, from the inbox")
                + "), which makes the table anew with the columns of this version.");
      }
    }
    StructType evolved = existing;
    for (StructField field : rows.fields()) {
      if (!Arrays.asList(existing.fieldNames()).contains(field.name())) {
        evolved = evolved.add(field);
      }
    }
    return evolved;
  }

  /** The schema's columns, in its order, to select rows in that order. */
  static Column[] columns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new);
  }

  /** The schema with every column, element and value nullable, as Delta Lake stores it. */
  static StructType nullable(StructType schema) {
    return (StructType) nullable((DataType) schema);
  }

  private static DataType nullable(DataType type) {
    if (type instanceof StructType struct) {
      StructField[] fields = new StructField[struct.length()];
      for (int i = 0; i < fields.length; i++) {
        StructField field = struct.fields()[i];
        fields[i] =
            new StructField(field.name(), nullable(field.dataType()), true, field.metadata());
      }
      return new StructType(fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(nullable(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return new MapType(nullable(map.keyType()), nullable(map.valueType()), true);
    }
    return type;
  }
}
