package org.tashil.warehouse;

import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.types.DataTypeJsonSerDe;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
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

  private final Engine engine;
  private final Configuration hadoop;

  DeltaLog(Configuration hadoop) {
    this.engine = DefaultEngine.create(hadoop);
    this.hadoop = hadoop;
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
      var builder = TableManager.loadSnapshot(table);
      return Optional.of((version == null ? builder : builder.atVersion(version)).build(engine));
    } catch (TableNotFoundException e) {
      return Optional.empty();
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
   * Commits a new version of the table with the files of its version {@code version}, or with none
   * when {@code version} is null: the files that version lists are still there (no write deletes a
   * committed file; {@code maintain} keeps what a version within the retention lists). Returns the
   * new version, or -1 when the latest version already has exactly those files.
   */
  long restore(String table, Long version) {
    State latest = state(table, null).orElseThrow();
    List<DataFile> target = version == null ? List.of() : state(table, null, version).get().files();
    java.util.Set<String> keep = new java.util.HashSet<>();
    target.forEach(file -> keep.add(file.path()));
    java.util.Set<String> present = new java.util.HashSet<>();
    latest.files().forEach(file -> present.add(file.path()));
    List<Row> actions = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (DataFile file : latest.files()) {
      if (!keep.contains(file.path())) {
        actions.add(
            SingleAction.createRemoveFileSingleAction(
                new AddFile(file.add()).toRemoveFileRow(true, Optional.of(now))));
      }
    }
    for (DataFile file : target) {
      if (!present.contains(file.path())) {
        AddFile add = new AddFile(file.add());
        actions.add(
            SingleAction.createAddFileSingleAction(
                AddFile.createAddFileRow(
                    null,
                    add.getPath(),
                    add.getPartitionValues(),
                    add.getSize(),
                    add.getModificationTime(),
                    true,
                    Optional.empty(),
                    add.getTags(),
                    add.getBaseRowId(),
                    add.getDefaultRowCommitVersion(),
                    Optional.empty())));
      }
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
            CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())))
        .getVersion();
  }

  private State state(Snapshot snapshot, Map.Entry<String, String> partition) {
    String columnMapping = snapshot.getTableProperties().getOrDefault(COLUMN_MAPPING, "none");
    for (String feature : UNREADABLE_FEATURES) {
      if (snapshot.getProtocol().getReaderFeatures().contains(feature)
          || (feature.equals("columnMapping") && !columnMapping.equals("none"))) {
        throw new IllegalStateException(
            snapshot.getPath()
                + " uses Delta's "
                + feature
                + ": its Parquet files alone do not hold its rows, and Tashil reads only those");
      }
    }
    StructType schema = (StructType) DataType.fromJson(snapshot.getMetadata().getSchemaString());
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
            Map<String, String> values = InternalScanFileUtils.getPartitionValues(file);
            if (partition != null && !partition.getValue().equals(values.get(partition.getKey()))) {
              continue;
            }
            String path = InternalScanFileUtils.getAddFileStatus(file).getPath();
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
            files.add(new DataFile(path, file.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL)));
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
    Transaction transaction =
        before == null
            ? TableManager.buildCreateTableTransaction(
                    table, DataTypeJsonSerDe.deserializeStructType(schema.json()), ENGINE_INFO)
                .withDataLayoutSpec(
                    partitionColumns.isEmpty()
                        ? DataLayoutSpec.noDataLayout()
                        : DataLayoutSpec.partitioned(
                            partitionColumns.stream().map(Column::new).toList()))
                .withMaxRetries(0)
                .build(engine)
            : update(before, schema);
    Row state = transaction.getTransactionState(engine);
    List<Row> actions = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (DataFile file : removed) {
      actions.add(
          SingleAction.createRemoveFileSingleAction(
              new AddFile(file.add()).toRemoveFileRow(true, Optional.of(now))));
    }
    Map<Map<String, String>, List<DataFileStatus>> byPartition = new LinkedHashMap<>();
    added.forEach(
        (status, values) ->
            byPartition.computeIfAbsent(values, v -> new ArrayList<>()).add(status));
    try {
      for (var partition : byPartition.entrySet()) {
        var context =
            Transaction.getWriteContext(engine, state, literals(schema, partition.getKey()));
        try (CloseableIterator<Row> appends =
            Transaction.generateAppendActions(
                engine,
                state,
                Utils.toCloseableIterator(partition.getValue().iterator()),
                context)) {
          appends.forEachRemaining(actions::add);
        }
      }
      var result =
          transaction.commit(
              engine,
              CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())));
      for (PostCommitHook hook : result.getPostCommitHooks()) {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The transaction of a new version of an existing table; with the new columns of {@code schema}
   * added to the table's when it has more (the only change of columns Tashil makes: older files
   * read them as null).
   */
  private Transaction update(State before, StructType schema) {
    var builder =
        before
            .snapshot()
            .buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
            .withMaxRetries(0);
    if (!schema.equals(before.schema())) {
      builder = builder.withUpdatedSchema(DataTypeJsonSerDe.deserializeStructType(schema.json()));
    }
    return builder.build(engine);
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
