package org.tashil.warehouse;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table's log, read in this process with Delta Kernel: a version's schema, partition
 * columns and files, found by number or by time. None of it starts a Spark job: a monthly run
 * touches twenty-four tables, and loading each one's state through Spark's Delta Lake would cost
 * more than its own work. The data files are read and written by Spark ({@link Warehouse}); this
 * class only reads their list. Commits are {@link DeltaCommits}.
 */
final class DeltaLog {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeltaLog.class);

  /**
   * Table features under which a table's Parquet files alone do not hold its rows: deletion vectors
   * (rows deleted beside the file) and column mapping (columns renamed inside it). Tashil's tables
   * use neither; a table that does is refused rather than read wrong.
   */
  private static final List<String> UNREADABLE_FEATURES =
      List.of("deletionVectors", "columnMapping");

  /** The table property that turns column mapping on, with or without the feature listed. */
  private static final String COLUMN_MAPPING = "delta.columnMapping.mode";

  private final Engine engine;
  private final CommitFiles commitFiles;

  DeltaLog(Configuration hadoop) {
    this.engine = DefaultEngine.create(hadoop);
    this.commitFiles = new CommitFiles(hadoop);
  }

  /** A version of a table: its schema (as Spark's), partition columns and files. */
  record State(
      StructType schema, List<String> partitionColumns, Snapshot snapshot, List<DataFile> files) {}

  /**
   * One data file of a version.
   *
   * @param path absolute, as Hadoop's file systems take it
   * @param add the log's entry for it, which its removal copies
   * @param partitionValues its partition columns' values
   */
  record DataFile(String path, Row add, Map<String, String> partitionValues) {}

  /** The Kernel engine that reads the logs, which {@link DeltaCommits} commits with too. */
  Engine engine() {
    return engine;
  }

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

  /** The data files of a version, as {@link CommitFiles#qualified} paths. */
  Set<String> files(Snapshot snapshot) {
    Set<String> files = new HashSet<>();
    for (DataFile file : state(snapshot, null).files()) {
      files.add(commitFiles.qualified(file.path()));
    }
    return files;
  }

  /**
   * Writes a checkpoint of a version, unless it has one, and then lets Kernel remove the log files
   * that the table's log retention ({@code delta.logRetentionDuration}, 30 days unless set) no
   * longer needs for time travel. It adds no version: readers read the same rows.
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
            String folders = PartitionFolders.folders(partitionColumns, values);
            if (!path.contains("/" + folders)) {
              throw new IllegalStateException(
                  snapshot.getPath()
                      + " has a file outside the folders of its partition values ("
                      + folders
                      + "): "
                      + path
                      + "; Tashil reads a file's partition values from its folders");
            }
            files.add(new DataFile(path, KernelInternals.add(file), values));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new State(schema, partitionColumns, snapshot, List.copyOf(files));
  }
}
