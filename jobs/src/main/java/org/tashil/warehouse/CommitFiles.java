package org.tashil.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.spark.FolderNames;

/**
 * A table's commit files, read as files rather than through Kernel: the number of the last one
 * (whether a table has a version at all, without reading its log) and what one records (what a
 * commit that Kernel reported as failed actually wrote, and which files the versions since a
 * retention added). Paths are compared in one form, {@link #qualified}.
 */
final class CommitFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A commit file's name: its version, in twenty digits. */
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");

  private final Configuration hadoop;

  CommitFiles(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /**
   * What one commit file of a table's log records.
   *
   * @param added the data files it adds, as {@link #qualified} paths
   * @param removed the data files it removes, as {@link #qualified} paths
   */
  record Commit(long version, Set<String> added, Set<String> removed) {
    Commit {
      added = Set.copyOf(added);
      removed = Set.copyOf(removed);
    }
  }

  /**
   * The number of the table's last commit file, read from its log folder without reading the log:
   * empty when it has none (no table, or a creation killed before its commit).
   */
  Optional<Long> lastCommit(String table) {
    Path log = new Path(table, "_delta_log");
    try {
      long last = -1;
      for (String name : FolderNames.of(log.getFileSystem(hadoop), log)) {
        if (COMMIT.matcher(name).matches()) {
          last = Math.max(last, Long.parseLong(name.substring(0, 20)));
        }
      }
      return last < 0 ? Optional.empty() : Optional.of(last);
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The commit file of a version, read, or empty when the log has none. Its paths are resolved
   * against the table as Kernel resolves them, and {@link #qualified}.
   */
  Optional<Commit> commitFile(String table, long version) throws IOException {
    Path root = new Path(qualified(table));
    Path file = new Path(root, "_delta_log/" + String.format("%020d.json", version));
    FileSystem fs = file.getFileSystem(hadoop);
    Set<String> added = new HashSet<>();
    Set<String> removed = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode action = JSON.readTree(line);
        for (String kind : List.of("add", "remove")) {
          if (action.hasNonNull(kind)) {
            JsonNode path = action.get(kind).get("path");
            if (path == null || !path.isTextual()) {
              throw new IOException(file + " has an " + kind + " action without a path");
            }
            (kind.equals("add") ? added : removed)
                .add(qualified(new Path(root, new Path(URI.create(path.asText())))));
          }
        }
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new Commit(version, added, removed));
  }

  /**
   * A path in the one form that paths are compared in: absolute, with the file system's scheme and
   * authority, decoded (as a folder on the disk names it).
   */
  String qualified(String path) {
    return qualified(new Path(path));
  }

  String qualified(Path path) {
    try {
      return path.getFileSystem(hadoop).makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
