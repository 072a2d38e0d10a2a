package org.tashil.warehouse;

import io.delta.kernel.Operation;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.StructType;
import org.tashil.warehouse.DeltaLog.DataFile;
import org.tashil.warehouse.DeltaLog.State;

/**
 * The commits Tashil makes to a Delta table's log with Delta Kernel, in this process: the one that
 * replaces some files by others (a period's write), and the one that lists a version's files again
 * (a repair). A commit Kernel reports as failed may still have been written; the log then tells
 * which ({@link #afterFailure}), and only a commit known not to be written throws {@link
 * NotCommittedException}.
 */
final class DeltaCommits {

  /** Its lines in the log are the Delta log's, beside those of the log's reads. */
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeltaLog.class);

  /** What Delta's log records as the writer, with Kernel's own version before it. */
  private static final String ENGINE_INFO = "Tashil";

  private final DeltaLog log;
  private final CommitFiles commitFiles;
  private final Engine engine;

  DeltaCommits(DeltaLog log, CommitFiles commitFiles) {
    this.log = log;
    this.commitFiles = commitFiles;
    this.engine = log.engine();
  }

  /**
   * Commits a new version of the table in which the files of {@code before} (its latest version, as
   * {@link DeltaLog#state} read it: the files being replaced) are replaced by {@code added}, or
   * creates the table with {@code added} when {@code before} is null. Runs Delta's post-commit work
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
          Transaction.getWriteContext(
              engine, state, PartitionFolders.literals(schema, partition.getKey()));
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
    Optional<CommitFiles.Commit> written;
    try {
      written = commitFiles.commitFile(table, version);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
      written = Optional.empty();
    }
    if (written.isPresent()) {
      Set<String> ours = new HashSet<>();
      for (DataFileStatus file : added) {
        ours.add(commitFiles.qualified(file.getPath()));
      }
      Set<String> replaced = new HashSet<>();
      for (DataFile file : removed) {
        replaced.add(commitFiles.qualified(file.path()));
      }
      CommitFiles.Commit commit = written.get();
      if (commit.added().equals(ours) && commit.removed().equals(replaced)) {
        LOG.warn(
            "{} version {} was committed, though the commit reported a failure: {}",
            table,
            version,
            failure.toString());
        return version;
      }
      if (Collections.disjoint(commit.added(), ours)) {
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
   * Commits a new version of the table with the files and columns of its version {@code version},
   * or with no file when {@code version} is null: the files that version lists are still there (no
   * write deletes a committed file; {@code maintain} keeps what a version within the retention
   * lists). Returns the new version, or -1 when the latest version already has exactly those files.
   */
  long restore(String table, Long version) {
    State latest = log.state(table, null).orElseThrow();
    State restored = version == null ? null : log.state(table, null, version).get();
    List<DataFile> target = restored == null ? List.of() : restored.files();
    Set<String> keep = new HashSet<>();
    target.forEach(file -> keep.add(file.path()));
    Set<String> present = new HashSet<>();
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
}
