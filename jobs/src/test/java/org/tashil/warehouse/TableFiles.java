package org.tashil.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** A table's files as they are on this machine's disk, for the warehouse's tests to look at. */
final class TableFiles {

  private TableFiles() {}

  /** The table's data files on disk, whatever its log lists. */
  static List<Path> parquetFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".parquet"))
          .filter(file -> !file.toString().contains("_delta_log"))
          .toList();
    }
  }

  /** The local files of {@code file:} (or {@code faulty:}) paths. */
  static List<Path> local(Collection<String> paths) {
    return paths.stream()
        .map(path -> Path.of(new org.apache.hadoop.fs.Path(path).toUri().getPath()))
        .toList();
  }
}
