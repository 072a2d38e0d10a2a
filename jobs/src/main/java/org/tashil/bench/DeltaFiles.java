package org.tashil.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.tashil.warehouse.Warehouse;

/**
 * The Parquet files of a Delta table's current version, as local paths another engine can read: the
 * files Spark itself would read, partition values in their folder names ({@code
 * period=1405-08/office_id=OF-01/}). Plain Parquet holds the table's rows only while the table uses
 * neither deletion vectors (rows deleted beside the file) nor column mapping (columns renamed
 * inside it); Tashil's tables use neither, and the warehouse refuses to read a table that does.
 *
 * @param table the warehouse table, {@code clean/households}
 * @param files absolute paths, sorted; empty for a table that has none yet
 */
public record DeltaFiles(String table, List<String> files) {

  public DeltaFiles {
    Objects.requireNonNull(table, "table");
    files = List.copyOf(files);
  }

  /** The current files of {@code table}; none when the warehouse has no such table yet. */
  public static DeltaFiles current(SparkSession spark, Warehouse warehouse, String table) {
    if (!warehouse.exists(table)) {
      return new DeltaFiles(table, List.of());
    }
    List<String> files = new ArrayList<>();
    for (String file : warehouse.files(table)) {
      files.add(localPath(table, file));
    }
    files.sort(null);
    return new DeltaFiles(table, files);
  }

  /**
   * A file as the warehouse names it (a Hadoop path: its characters as they are, a space or a
   * {@code %2F} of an escaped partition value included) as a path of this machine.
   */
  private static String localPath(String table, String file) {
    URI uri = new org.apache.hadoop.fs.Path(file).toUri();
    if (uri.getScheme() == null) {
      return Path.of(uri.getPath()).toAbsolutePath().toString();
    }
    if (!"file".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          table
              + " is at "
              + uri.getScheme()
              + "://: the DuckDB peer reads a warehouse on this machine's file system only");
    }
    return Path.of(uri.getPath()).toString();
  }
}
