package org.tashil.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table's log, read and committed in this process with Delta Kernel: the table's current
 * version, schema and files, and the commit that replaces some files by others. None of it starts a
 * Spark job: a monthly run touches sixteen tables, and loading each one's state through Spark's
 * Delta Lake took more of the run than its own work (docs/performance.md). The data files are still
 * read and written by Spark ({@link Warehouse}); this class only keeps their list.
 */
final class DeltaLog {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeltaLog.class);

  /** What Delta's log records as the writer, with Kernel's own version before it. */
  private static final String ENGINE_INFO = "Tashil";

  /**
   * Table features under which a table's Parquet files alone do not hold its rows: deletion vectors
   * (rows deleted beside the file) and column mapping (columns renamed inside it). Tashil's tables
   * use neither; a table that does is refused rather than read wrong.
   */
  private static final List<String> UNREADABLE_FEATURES =
      List.of("deletionVectors", "columnMapping");

  /** The table property that turns column mapping on, with or without the feature listed. */
  private static final String COLUMN_MAPPING = "delta.columnMapping.mode";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Configuration hadoop;
  private final Engine engine;

  DeltaLog(Configuration hadoop) {
    this.hadoop = hadoop;
    this.engine = DefaultEngine.create(hadoop);
  }

  /**
   * A commit that was not written, for certain: it failed before its commit file was written, or
   * another commit holds its version. No version lists the files it would have added.
   */
  static final class NotCommittedException extends RuntimeException {
    NotCommittedException(String message, Throwable cause) {
      super(message, cause);
    }
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

  /** A version of a table: its schema (as Spark's), partition columns and files. */
  record State(
      StructType schema, List<String> partitionColumns, Snapshot snapshot, List<DataFile> files) {}

  /**
   * One data file of a version.
   *
   * @param path absolute, as Hadoop's file systems take it
   * @param add the log's entry for it, which its removal copies
   */
  record DataFile(String path, Row add) {}

  /** The table's latest version, or empty when it has none. */
  Optional<Snapshot> latest(String table) {
    return snapshot(table, null);
  }

  /**
   * The table's version {@code version}, or its latest when that is null; empty when it has none.
   */
  Optional<Snapshot> snapshot(String table, Long version) {
    try {
      // The version asked for is nearly always the latest: loaded as the latest, Kernel takes its
      // protocol and schema from the version's checksum file instead of replaying its log.
      Snapshot latest = TableManager.loadSnapshot(table).build(engine);
      if (version == null || latest.getVersion() == version) {
        return Optional.of(latest);
      }
      return Optional.of(TableManager.loadSnapshot(table).atVersion(version).build(engine));
    } catch (TableNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A version of the table, as Kernel's time travel reads it. */
  Snapshot at(String table, long version) {
    return TableManager.loadSnapshot(table).atVersion(version).build(engine);
  }

  /**
   * The version of the table that was current at an instant: the last one committed at or before
   * it, as Kernel's time travel by timestamp finds it. Fails when the instant is before the table's
   * earliest readable version or after its latest.
   */
  Snapshot asOf(String table, long millis, Snapshot latest) {
    return TableManager.loadSnapshot(table).atTimestamp(millis, latest).build(engine);
  }

  /** When a version was committed, as Kernel's time travel by timestamp counts it. */
  long timestamp(Snapshot snapshot) {
    return snapshot.getTimestamp(engine);
  }

  /** The data files of a version, as {@link #qualified} paths. */
  Set<String> files(Snapshot snapshot) {
    Set<String> files = new HashSet<>();
    for (DataFile file : state(snapshot, null).files()) {
      files.add(qualified(file.path()));
    }
    return files;
  }

  /**
   * Writes a checkpoint of a version, unless it has one, and then lets Kernel remove the log files
   * that the table's log retention ({@code delta.logRetentionDuration}, 30 days unless set) no
   * longer needs for time travel.
   */
  void checkpoint(Snapshot snapshot) throws IOException {
    try {
      snapshot.writeCheckpoint(engine);
    } catch (CheckpointAlreadyExistsException e) {
      LOG.debug("{} version {} has a checkpoint", snapshot.getPath(), snapshot.getVersion());
    }
  }

  /**
   * The table's latest version with its files, those of one value of a partition column only when
   * {@code partition} is given (column, value).
   */
  Optional<State> state(String table, Map.Entry<String, String> partition) {
    return state(table, partition, null);
  }

  /** As {@link #state(String, Map.Entry)}, of version {@code version} (the latest when null). */
  Optional<State> state(String table, Map.Entry<String, String> partition, Long version) {
    return snapshot(table, version).map(snapshot -> state(snapshot, partition));
  }

  /**
   * The number of the table's last commit file, read from its log folder without reading the log:
   * empty when it has none (no table, or a creation killed before its commit).
   */
  Optional<Long> lastCommit(String table) {
    org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(table, "_delta_log");
    try {
      long last = -1;
      for (org.apache.hadoop.fs.FileStatus file : log.getFileSystem(hadoop).listStatus(log)) {
        String name = file.getPath().getName();
        if (name.matches("\\d{20}\\.json")) {
          last = Math.max(last, Long.parseLong(name.substring(0, 20)));
        }
      }
      return last < 0 ? Optional.empty() : Optional.of(last);
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits a new version of the table with the files and columns of its version {@code version},
   * or with no file when {@code version} is null: the files that version lists are still there (no
   * write deletes a committed file; {@code maintain} keeps what a version within the retention
   * lists). Returns the new version, or -1 when the latest version already has exactly those files.
   */
  long restore(String table, Long version) {
    State latest = state(table, null).orElseThrow();
    State restored = version == null ? null : state(table, null, version).get();
    List<DataFile> target = restored == null ? List.of() : restored.files();
    java.util.Set<String> keep = new java.util.HashSet<>();
    target.forEach(file -> keep.add(file.path()));
    java.util.Set<String> present = new java.util.HashSet<>();
    latest.files().forEach(file -> present.add(file.path()));
    List<Row> actions = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (DataFile file : latest.files()) {
      if (!keep.contains(file.path())) {
        actions.add(KernelInternals.remove(file.add(), now));
      }
    }
    for (DataFile file : target) {
      if (!present.contains(file.path())) {
        actions.add(KernelInternals.addAgain(file.add()));
      }
    }
    if (restored != null && !restored.schema().equals(latest.schema())) {
      // The columns too: a stopped run of a newer Tashil may have added one.
      actions.add(0, KernelInternals.metadata(latest.snapshot(), restored.schema()));
    }
    if (actions.isEmpty()) {
      return -1;
    }
    Transaction transaction =
        latest
            .snapshot()
            .buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
            .withMaxRetries(0)
            .build(engine);
    return transaction
        .commit(
            engine,
            CloseableIterable.inMemoryIterable(KernelInternals.iterator(actions.iterator())))
        .getVersion();
  }

  private State state(Snapshot snapshot, Map.Entry<String, String> partition) {
    String columnMapping = snapshot.getTableProperties().getOrDefault(COLUMN_MAPPING, "none");
    for (String feature : UNREADABLE_FEATURES) {
      if (KernelInternals.readerFeatures(snapshot).contains(feature)
          || (feature.equals("columnMapping") && !columnMapping.equals("none"))) {
        throw new IllegalStateException(
            snapshot.getPath()
                + " uses Delta's "
                + feature
                + ": its Parquet files alone do not hold its rows, and Tashil reads only those");
      }
    }
    StructType schema = (StructType) DataType.fromJson(KernelInternals.schemaJson(snapshot));
    var scan = snapshot.getScanBuilder();
    if (partition != null) {
      scan =
          scan.withFilter(
              new Predicate(
                  "=", new Column(partition.getKey()), Literal.ofString(partition.getValue())));
    }
    List<String> partitionColumns = List.copyOf(snapshot.getPartitionColumnNames());
    List<DataFile> files = new ArrayList<>();
    Scan built = scan.build();
    try (CloseableIterator<FilteredColumnarBatch> batches = built.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row file = rows.next();
            Map<String, String> values = KernelInternals.partitionValues(file);
            if (partition != null && !partition.getValue().equals(values.get(partition.getKey()))) {
              continue;
            }
            String path = KernelInternals.path(file);
            String folders = folders(partitionColumns, values);
            if (!path.contains("/" + folders)) {
              throw new IllegalStateException(
                  snapshot.getPath()
                      + " has a file outside the folders of its partition values ("
                      + folders
                      + "): "
                      + path
                      + "; Tashil reads a file's partition values from its folders");
            }
            files.add(new DataFile(path, KernelInternals.add(file)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new State(schema, partitionColumns, snapshot, List.copyOf(files));
  }

  /**
   * The folders of a file's partition values, Hive's way: {@code period=1405-08/office_id=OF-01/}.
   */
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
   * Commits a new version of the table in which the files of {@code before} (its latest version, as
   * {@link #state} read it: the files being replaced) are replaced by {@code added}, or creates the
   * table with {@code added} when {@code before} is null. Runs Delta's post-commit work
   * (checkpoint, checksum). Returns the new version, or -1 when there was nothing to commit.
   *
   * <p>A commit that fails may still have been written: Kernel reports a failure to read the
   * written commit file back, or a connection lost after its rename, as a failed commit. The log
   * then tells ({@link #afterFailure}). Only a commit known not to be written throws {@link
   * NotCommittedException}; any other failure means that the version may list the added files.
   *
   * @param added each new file's status with its partition values
   */
  long commit(
      String table,
      State before,
      StructType schema,
      List<String> partitionColumns,
      Map<DataFileStatus, Map<String, String>> added) {
    List<DataFile> removed = before == null ? List.of() : before.files();
    if (before != null && removed.isEmpty() && added.isEmpty()) {
      return -1;
    }
    long version = before == null ? 0 : before.snapshot().getVersion() + 1;
    boolean newColumns = before != null && !schema.equals(before.schema());
    Transaction transaction;
    List<Row> actions;
    try {
      transaction =
          before == null
              ? TableManager.buildCreateTableTransaction(
                      table, KernelInternals.schema(schema), ENGINE_INFO)
                  .withDataLayoutSpec(
                      partitionColumns.isEmpty()
                          ? DataLayoutSpec.noDataLayout()
                          : DataLayoutSpec.partitioned(
                              partitionColumns.stream().map(Column::new).toList()))
                  .withMaxRetries(0)
                  .build(engine)
              : before
                  .snapshot()
                  .buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
                  .withMaxRetries(0)
                  .build(engine);
      actions = actions(transaction, schema, removed, added);
      if (newColumns) {
        // Kernel changes a table's columns only under column mapping, which Tashil's tables do not
        // use (their Parquet files name their columns): the commit carries the table's metadata
        // with the new columns itself, as Delta Lake's own writer does for a schema merge.
        actions.add(0, KernelInternals.metadata(before.snapshot(), schema));
      }
    } catch (IOException | RuntimeException e) {
      throw new NotCommittedException(
          table + ": version " + version + " not committed: " + e.getMessage(), e);
    }
    TransactionCommitResult result;
    try {
      result =
          transaction.commit(
              engine,
              CloseableIterable.inMemoryIterable(KernelInternals.iterator(actions.iterator())));
    } catch (RuntimeException e) {
      return afterFailure(table, version, removed, added.keySet(), e);
    }
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      if (newColumns && hook.getType().name().startsWith("CHECKSUM")) {
        // Kernel's checksum of this version would carry the table's columns from before it
        // (the new ones are an action Kernel did not make); readers then take them from the log.
        continue;
      }
      // A checkpoint or checksum is an aid to readers, not part of the version: the commit
      // stands without it, and a later commit writes the next one.
      try {
        hook.threadSafeInvoke(engine);
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "{} version {}: {} not written ({})",
            table,
            result.getVersion(),
            hook.getType(),
            e.toString());
      }
    }
    return result.getVersion();
  }

  /** The commit's actions: the removal of the replaced files, then the new files. */
  private List<Row> actions(
      Transaction transaction,
      StructType schema,
      List<DataFile> removed,
      Map<DataFileStatus, Map<String, String>> added)
      throws IOException {
    Row state = transaction.getTransactionState(engine);
    List<Row> actions = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (DataFile file : removed) {
      actions.add(KernelInternals.remove(file.add(), now));
    }
    Map<Map<String, String>, List<DataFileStatus>> byPartition = new LinkedHashMap<>();
    added.forEach(
        (status, values) ->
            byPartition.computeIfAbsent(values, v -> new ArrayList<>()).add(status));
    for (var partition : byPartition.entrySet()) {
      var context =
          Transaction.getWriteContext(engine, state, literals(schema, partition.getKey()));
      try (CloseableIterator<Row> appends =
          Transaction.generateAppendActions(
              engine, state, KernelInternals.iterator(partition.getValue().iterator()), context)) {
        appends.forEachRemaining(actions::add);
      }
    }
    return actions;
  }

  /**
   * What became of a commit that Kernel reported as failed, from the log: when its version's commit
   * file records exactly this commit's files, it was written (a warning, and the version is
   * returned); when it records another commit, this one was not ({@link NotCommittedException}).
   * When there is no such file yet, or it cannot be read, nobody can tell: the exception says so,
   * and the added files stay (no version may list them; {@code tashil maintain} removes those).
   */
  private long afterFailure(
      String table,
      long version,
      List<DataFile> removed,
      Set<DataFileStatus> added,
      RuntimeException failure) {
    Optional<Commit> written;
    try {
      written = commitFile(table, version);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
      written = Optional.empty();
    }
    if (written.isPresent()) {
      Set<String> ours = new HashSet<>();
      for (DataFileStatus file : added) {
        ours.add(qualified(file.getPath()));
      }
      Set<String> replaced = new HashSet<>();
      for (DataFile file : removed) {
        replaced.add(qualified(file.path()));
      }
      Commit commit = written.get();
      if (commit.added().equals(ours) && commit.removed().equals(replaced)) {
        LOG.warn(
            "{} version {} was committed, though the commit reported a failure: {}",
            table,
            version,
            failure.toString());
        return version;
      }
      if (java.util.Collections.disjoint(commit.added(), ours)) {
        throw new NotCommittedException(
            table
                + ": version "
                + version
                + " is another commit's, so this one was not written ("
                + failure.getMessage()
                + ")",
            failure);
      }
    }
    throw new IllegalStateException(
        "the commit of "
            + table
            + " may or may not have been written ("
            + failure.getMessage()
            + "); its new files are kept: the next run brings the table back to the warehouse's manifest,"
            + " and tashil maintain removes files no version lists",
        failure);
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

  /**
   * Refuses partition columns of a type other than text or integer, which {@link #commit} does not
   * write: before any file is written.
   */
  static void requirePartitionTypes(StructType schema, List<String> partitionColumns) {
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
  private static Map<String, Literal> literals(StructType schema, Map<String, String> values) {
    requirePartitionTypes(schema, List.copyOf(values.keySet()));
    Map<String, Literal> literals = new LinkedHashMap<>();
    values.forEach(
        (column, value) -> {
          boolean text = schema.apply(column).dataType().equals(DataTypes.StringType);
          if (value == null) {
            literals.put(
                column,
                Literal.ofNull(
                    text
                        ? io.delta.kernel.types.StringType.STRING
                        : io.delta.kernel.types.IntegerType.INTEGER));
          } else {
            literals.put(
                column, text ? Literal.ofString(value) : Literal.ofInt(Integer.parseInt(value)));
          }
        });
    return literals;
  }
}
