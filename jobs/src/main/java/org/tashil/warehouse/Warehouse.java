package org.tashil.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tashil.calendar.Period;
import org.tashil.run.Progress;

/**
 * The warehouse (contract §4): Delta tables under one root, a local folder or any Hadoop file
 * system URI. A period's rows are replaced in one Delta commit, so readers see the old version or
 * the new one, never a mix, and a re-run never duplicates. Spark reads and writes the tables'
 * Parquet files; their logs are read and committed in the driver ({@link DeltaLog}).
 */
public final class Warehouse {

  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  /** The layers whose tables {@code query} registers as {@code <layer>_<table>} views. */
  public static final List<String> LAYERS = List.of("clean", "quarantine", "marts");

  private final SparkSession spark;
  private final String root;
  private final Progress progress;
  private final DeltaLog log;
  private final CommitFiles commitFiles;
  private final DeltaCommits commits;
  private final PeriodReplacement replacement;
  private final CommittedVersions manifest;

  /**
   * The tables the open group has written, with their new versions, as the threads of that group
   * see it: the thread that opened it and the threads it starts ({@link Parallel}); null for any
   * other thread, whose writes and reads are outside the group.
   */
  private final InheritableThreadLocal<Map<String, Long>> writing = new InheritableThreadLocal<>();

  public Warehouse(SparkSession spark, String root) {
    this(spark, root, Progress.NONE);
  }

  /** A warehouse whose writes are reported to {@code progress}, one step each. */
  public Warehouse(SparkSession spark, String root, Progress progress) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.root = Objects.requireNonNull(root, "root").replaceAll("/+$", "");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.log = new DeltaLog(spark.sparkContext().hadoopConfiguration());
    this.commitFiles = new CommitFiles(spark.sparkContext().hadoopConfiguration());
    this.commits = new DeltaCommits(log, commitFiles);
    this.manifest =
        new CommittedVersions(spark.sparkContext().hadoopConfiguration(), this.root, LOG::warn);
    this.replacement =
        new PeriodReplacement(spark.sparkContext().hadoopConfiguration(), log, commits);
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String path(String table) {
    return root + "/" + table;
  }

  /**
   * Runs a stage's writes ({@code ingest 1405-08}) as one group: Tashil's readers see all of them
   * or none. First brings back to the last manifest every table that a group killed before its end
   * left ahead of it ({@link #repair}); then runs the writes, each table's own atomic commit; then
   * publishes the next manifest, which makes them visible together. Readers in this process see the
   * group's own writes as soon as they are committed.
   */
  public synchronized <T> T group(String name, Writes<T> writes) throws IOException {
    if (writing.get() != null) {
      throw new IllegalStateException("a group of writes is already open: " + name);
    }
    Map<String, Long> start = repair();
    Map<String, Long> written = new ConcurrentHashMap<>();
    writing.set(written);
    try {
      T result = writes.run();
      Map<String, Long> versions = new java.util.TreeMap<>(start);
      versions.putAll(written);
      manifest.publish(versions, name);
      return result;
    } finally {
      writing.remove();
    }
  }

  /** A group's writes, which return what the stage computed. */
  @FunctionalInterface
  public interface Writes<T> {
    T run() throws IOException;
  }

  /**
   * Brings every table back to the version the last manifest names ({@link
   * CommittedVersions#repair}), and returns the versions of every table.
   */
  public Map<String, Long> repair() {
    return manifest.repair(commitFiles, commits);
  }

  /**
   * Whether Tashil's readers see the table: written by the open group, or named by the manifest, or
   * committed at all when the warehouse has no manifest yet.
   */
  private boolean visible(String table) {
    Map<String, Long> open = writing.get();
    if (open != null && open.containsKey(table)) {
      return true;
    }
    Optional<Map<String, Long>> versions = manifest.current();
    return versions.isPresent()
        ? versions.get().containsKey(table)
        : commitFiles.lastCommit(path(table)).isPresent();
  }

  /**
   * The version of a visible table that readers read: the open group's own commit, else the
   * manifest's; null for the latest, when the warehouse has no manifest yet.
   */
  private Long readVersion(String table) {
    Map<String, Long> open = writing.get();
    if (open != null && open.containsKey(table)) {
      return open.get(table);
    }
    return manifest.current().map(versions -> versions.get(table)).orElse(null);
  }

  /** Replaces the period's rows of a table with {@code rows}, atomically; creates the table. */
  public void replacePeriod(String table, Period period, Dataset<Row> rows, String... partitions) {
    progress.step("writing " + table);
    write(table, period, rows, partitions);
  }

  /**
   * The write, in the group of this thread or, outside one, as a group of its own (one at a time:
   * writes outside a group may come from several threads).
   */
  private void write(String table, Period period, Dataset<Row> rows, String... partitions) {
    Map<String, Long> open = writing.get();
    if (open != null) {
      replacement.replace(table, path(table), period, rows, open, partitions);
      return;
    }
    try {
      group(
          "write " + table + " " + period,
          () -> {
            replacement.replace(table, path(table), period, rows, writing.get(), partitions);
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Computes a small table's rows for the period into memory, replaces the period with them (one
   * file per partition) and returns them: the rows committed, for a caller that uses them next.
   */
  public List<Row> replacePeriodInMemory(
      String table, Period period, Dataset<Row> rows, String... partitions) {
    progress.step("writing " + table);
    List<Row> computed = rows.collectAsList();
    Projections.interpreted(
        spark.sparkContext(),
        () -> {
          write(
              table,
              period,
              spark.createDataFrame(computed, rows.schema()).coalesce(1),
              partitions);
          return null;
        });
    return computed;
  }

  /** The period's rows of a small table, read into memory: a frame of local rows. */
  public Dataset<Row> readPeriodInMemory(String table, Period period) {
    Dataset<Row> rows = readPeriod(table, period);
    return spark.createDataFrame(
        Projections.interpreted(spark.sparkContext(), rows::collectAsList), rows.schema());
  }

  /**
   * Whether the table has a committed version that readers see. A run killed while creating a table
   * leaves a {@code _delta_log} folder with no commit in it, or a table that no manifest names yet:
   * that table does not exist yet.
   */
  public boolean exists(String table) {
    return visible(table);
  }

  /** The table's current Delta version: what a report names so it can be traced to its data. */
  public long version(String table) {
    return snapshot(table).getVersion();
  }

  /** The table's partition columns, as its log records them. */
  public List<String> partitionColumns(String table) {
    return snapshot(table).getPartitionColumnNames();
  }

  /** The version of a table readers read. */
  private io.delta.kernel.Snapshot snapshot(String table) {
    if (!visible(table)) {
      throw missing(table);
    }
    return log.snapshot(path(table), readVersion(table)).orElseThrow(() -> missing(table));
  }

  /** The table's rows, as its current version lists them. */
  public Dataset<Row> read(String table) {
    return read(table, null);
  }

  /** The period's rows of a table: only the period's files are read. */
  public Dataset<Row> readPeriod(String table, Period period) {
    return read(table, Map.entry(Tables.PERIOD, period.toString()));
  }

  /** The current version's data files of a table: Parquet files another engine can read. */
  public List<String> files(String table) {
    return state(table, null).files().stream().map(DeltaLog.DataFile::path).toList();
  }

  /** The files of a table, of one partition value when given, at the version readers read. */
  private DeltaLog.State state(String table, Map.Entry<String, String> partition) {
    if (!visible(table)) {
      throw missing(table);
    }
    return log.state(path(table), partition, readVersion(table)).orElseThrow(() -> missing(table));
  }

  private Dataset<Row> read(String table, Map.Entry<String, String> partition) {
    DeltaLog.State state = state(table, partition);
    if (state.files().isEmpty()) {
      return spark.createDataFrame(List.of(), state.schema());
    }
    return spark
        .read()
        .schema(state.schema())
        .option("basePath", path(table))
        .parquet(state.files().stream().map(DeltaLog.DataFile::path).toArray(String[]::new))
        .select(TableColumns.columns(state.schema()));
  }

  private IllegalStateException missing(String table) {
    return new IllegalStateException(
        "the warehouse has no table " + table + " (" + path(table) + ")");
  }

  /**
   * Every Delta table of the warehouse with its view name: {@code clean_households}, {@code
   * quarantine_demands}, {@code marts_settlement_month}, {@code submissions} ({@code runs} is JSON,
   * see RunStore).
   */
  public List<String[]> tables() {
    List<String[]> tables = new ArrayList<>();
    for (String table : manifest.tables()) {
      if (exists(table)) {
        tables.add(new String[] {table.replace('/', '_'), table});
      }
    }
    tables.sort(java.util.Comparator.comparing(entry -> entry[0]));
    return tables;
  }
}
