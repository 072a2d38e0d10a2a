package org.tashil.warehouse;

import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tashil.calendar.Period;

/**
 * The replacement of a period's rows of a table, in one Delta commit: Spark writes the rows as
 * Parquet into a folder of their own inside the table, the files are moved beside the table's other
 * files, and one commit removes the period's old files and adds the new ones. Until that commit,
 * readers see the old version.
 *
 * <p>A write whose commit is known not to be written removes its files; one that may have been
 * written keeps them (orphans at worst); one killed before it leaves files no version lists, in the
 * staging folder (removed by the table's next write) or, when killed while moving them, beside the
 * others. {@code tashil maintain} removes files no version within its retention lists.
 */
final class PeriodReplacement {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodReplacement.class);

  /** The folder inside a table where a write's files wait for its commit. */
  static final String STAGING = "_tashil_staging";

  private final Configuration hadoop;
  private final DeltaLog log;
  private final DeltaCommits commits;

  PeriodReplacement(Configuration hadoop, DeltaLog log, DeltaCommits commits) {
    this.hadoop = hadoop;
    this.log = log;
    this.commits = commits;
  }

  /**
   * Replaces the period's rows of the table {@code table}, whose folder is {@code tablePath}, with
   * {@code rows}, partitioned by the period and then {@code partitions}; creates the table. Puts
   * the version readers of {@code group} now read into it.
   */
  void replace(
      String table,
      String tablePath,
      Period period,
      Dataset<Row> rows,
      Map<String, Long> group,
      String... partitions) {
    long start = System.nanoTime();
    List<String> partitionColumns = new ArrayList<>(List.of(Tables.PERIOD));
    partitionColumns.addAll(List.of(partitions));
    DeltaLog.State before =
        log.state(tablePath, Map.entry(Tables.PERIOD, period.toString())).orElse(null);
    StructType schema =
        before == null
            ? TableColumns.nullable(rows.schema())
            : TableColumns.withNewColumns(
                table, tablePath, before.schema(), TableColumns.nullable(rows.schema()));
    if (before != null && !before.partitionColumns().equals(partitionColumns)) {
      throw new IllegalArgumentException(
          table
              + " is partitioned by "
              + before.partitionColumns()
              + ", not by "
              + partitionColumns);
    }
    PartitionFolders.requireTypes(schema, partitionColumns);
    Path stagingFolder = new Path(tablePath, STAGING);
    Path staging = new Path(stagingFolder, UUID.randomUUID().toString());
    try {
      FileSystem fs = staging.getFileSystem(hadoop);
      // What a write killed before its commit left there: one table is written by one write at a
      // time (the warehouse lock), so nothing there is another write's.
      fs.delete(stagingFolder, true);
      try {
        rows.select(TableColumns.columns(schema))
            .write()
            .partitionBy(partitionColumns.toArray(String[]::new))
            .parquet(staging.toString());
        List<StagedFile> staged = staged(fs, staging, partitionColumns);
        for (StagedFile file : staged) {
          if (!period.toString().equals(file.partitionValues().get(Tables.PERIOD))) {
            throw new IllegalArgumentException(
                "a row for " + table + " is not of " + period + ": " + file.relative());
          }
        }
        Map<DataFileStatus, Map<String, String>> added = moveInto(fs, tablePath, staged);
        try {
          long version = commits.commit(tablePath, before, schema, partitionColumns, added);
          // Nothing to commit still makes the table the group's: a table a repair emptied, which
          // no manifest names, is named from then on.
          group.put(table, version >= 0 ? version : before.snapshot().getVersion());
        } catch (NotCommittedException e) {
          // Not committed, for certain: the files are no version's. After any other failure the
          // commit may have been written, and its files stay (tashil maintain removes those that
          // no version lists).
          for (DataFileStatus file : added.keySet()) {
            try {
              fs.delete(new Path(file.getPath()), false);
            } catch (IOException notDeleted) {
              e.addSuppressed(notDeleted);
            }
          }
          throw e;
        }
      } finally {
        fs.delete(staging, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.debug("{} {} written in {} ms", table, period, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * A Parquet file Spark wrote into a write's staging folder.
   *
   * @param relative its path under that folder: its partitions' folders and its name
   */
  private record StagedFile(Path path, String relative, Map<String, String> partitionValues) {}

  /** The Parquet files under the staging folder, with the partition values their folders name. */
  private static List<StagedFile> staged(FileSystem fs, Path staging, List<String> partitions)
      throws IOException {
    List<StagedFile> staged = new ArrayList<>();
    String prefix = fs.makeQualified(staging).toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(staging, true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      String name = file.getName();
      if (name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_")) {
        String relative = file.toUri().getPath().substring(prefix.length());
        staged.add(new StagedFile(file, relative, PartitionFolders.values(relative, partitions)));
      }
    }
    return staged;
  }

  /**
   * Moves the staged files to the same folders under the table, and returns each one's status for
   * the commit, with its partition values.
   */
  private static Map<DataFileStatus, Map<String, String>> moveInto(
      FileSystem fs, String tablePath, List<StagedFile> staged) throws IOException {
    Map<DataFileStatus, Map<String, String>> moved = new LinkedHashMap<>();
    for (StagedFile file : staged) {
      Path target = new Path(tablePath, file.relative());
      fs.mkdirs(target.getParent());
      if (!fs.rename(file.path(), target)) {
        throw new IOException("could not move " + file.path() + " to " + target);
      }
      FileStatus status = fs.getFileStatus(target);
      moved.put(
          new DataFileStatus(
              fs.makeQualified(target).toString(),
              status.getLen(),
              status.getModificationTime(),
              Optional.empty()),
          file.partitionValues());
    }
    return moved;
  }
}
