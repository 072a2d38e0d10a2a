package org.tashil.warehouse;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.IntegerType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A data file's partition values and the folders that name them, Hive's way ({@code
 * period=1405-08/office_id=OF-01/}): Spark writes a file's values only into its folders, the log
 * records them beside the file, and Tashil holds the two equal. Partition columns are text or
 * integers.
 */
final class PartitionFolders {

  private PartitionFolders() {}

  /** The folders of a file's partition values: {@code period=1405-08/office_id=OF-01/}. */
  static String folders(List<String> partitionColumns, Map<String, String> values) {
    StringBuilder folders = new StringBuilder();
    for (String column : partitionColumns) {
      String value = values.get(column);
      folders
          .append(ExternalCatalogUtils.escapePathName(column))
          .append('=')
          .append(
              value == null
                  ? ExternalCatalogUtils.DEFAULT_PARTITION_NAME()
                  : ExternalCatalogUtils.escapePathName(value))
          .append('/');
    }
    return folders.toString();
  }

  /**
   * The partition values a file's folders name, from its path under the folder of the partitions
   * ({@code period=1405-08/.../part-0.parquet}); refused unless they are those of {@code columns}.
   */
  static Map<String, String> values(String relativeFile, List<String> columns) {
    String[] folders = relativeFile.split("/");
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < folders.length - 1; i++) {
      int equals = folders[i].indexOf('=');
      String value = ExternalCatalogUtils.unescapePathName(folders[i].substring(equals + 1));
      values.put(
          folders[i].substring(0, equals),
          ExternalCatalogUtils.DEFAULT_PARTITION_NAME().equals(value) ? null : value);
    }
    if (!values.keySet().equals(new LinkedHashSet<>(columns))) {
      throw new IllegalStateException(relativeFile + " is not in a folder of " + columns);
    }
    return values;
  }

  /**
   * Refuses partition columns of a type other than text or integer, which {@link #literals} does
   * not make: before any file is written.
   */
  static void requireTypes(StructType schema, List<String> partitionColumns) {
    for (String column : partitionColumns) {
      DataType type = schema.apply(column).dataType();
      if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.IntegerType)) {
        throw new IllegalArgumentException(
            "partition column "
                + column
                + " is "
                + type.simpleString()
                + ", not text or an integer");
      }
    }
  }

  /** Partition values as Kernel's literals of the columns' types (text or integer). */
  static Map<String, Literal> literals(StructType schema, Map<String, String> values) {
    requireTypes(schema, List.copyOf(values.keySet()));
    Map<String, Literal> literals = new LinkedHashMap<>();
    values.forEach(
        (column, value) -> {
          boolean text = schema.apply(column).dataType().equals(DataTypes.StringType);
          if (value == null) {
            literals.put(
                column,
                Literal.ofNull(
                    text ? io.delta.kernel.types.StringType.STRING : IntegerType.INTEGER));
          } else {
            literals.put(
                column, text ? Literal.ofString(value) : Literal.ofInt(Integer.parseInt(value)));
          }
        });
    return literals;
  }
}
