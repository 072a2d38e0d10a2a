package org.tashil.warehouse;

import io.delta.kernel.Snapshot;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;
import org.tashil.run.Progress;

/**
 * The warehouse (contract §4): Delta tables under one root, a local folder or any Hadoop file
 * system URI. A period's rows are replaced in one Delta commit ({@link PeriodReplacement}), so
 * readers see the old version or the new one, never a mix, and a re-run never duplicates; a stage's
 * commits are one group ({@link CommitGroups}). Spark reads and writes the tables' Parquet files;
 * their logs are read and committed in the driver ({@link DeltaLog}, {@link DeltaCommits}).
 */
public final class Warehouse {

  /** Its lines in the log name the warehouse, whichever part of it warns. */
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  private final SparkSession spark;
  private final String root;
  private final Progress progress;
  private final DeltaLog log;
  private final Discovery discovery;
  private final Repair repair;
  private final CommitGroups groups;
  private final PeriodReplacement replacement;
  private final ParquetFooters footers;

  public Warehouse(SparkSession spark, String root) {
    this(spark, root, Progress.NONE);
  }

  /** A warehouse whose writes are reported to {@code progress}, one step each. */
  public Warehouse(SparkSession spark, String root, Progress progress) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.root = Objects.requireNonNull(root, "root").replaceAll("/+$", "");
    this.progress = Objects.requireNonNull(progress, "progress");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    this.log = new DeltaLog(hadoop);
    this.footers = new ParquetFooters(hadoop);
    CommitFiles commitFiles = new CommitFiles(hadoop);
    DeltaCommits commits = new DeltaCommits(log, commitFiles);
    this.discovery = new Discovery(hadoop, this.root);
    CommittedVersions manifest = new CommittedVersions(hadoop, this.root, LOG::warn);
    this.repair = new Repair(this.root, discovery, manifest, commitFiles, commits);
    this.groups = new CommitGroups(this.root, manifest, repair, commitFiles);
    this.replacement = new PeriodReplacement(hadoop, log, commits);
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
  public <T> T group(String name, Writes<T> writes) throws IOException {
    return groups.run(name, writes);
  }

  /** A group's writes, which return what the stage computed. */
  @FunctionalInterface
  public interface Writes<T> {
    T run() throws IOException;
  }

  /**
   * Brings every table back to the version the last manifest names ({@link Repair}), and returns
   * the versions of every table.
   */
  public Map<String, Long> repair() {
    return repair.run();
  }

  /** Replaces the period's rows of a table with {@code rows}, atomically; creates the table. */
  public void replacePeriod(String table, Period period, Dataset<Row> rows, String... partitions) {
    progress.step("writing " + table);
    write(table, period, rows, partitions);
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

  /** The write, in the group of this thread or, outside one, as a group of its own. */
  private void write(String table, Period period, Dataset<Row> rows, String... partitions) {
    groups.commit(
        "write " + table + " " + period,
        group -> replacement.replace(table, path(table), period, rows, group, partitions));
  }

  /**
   * Whether the table has a committed version that readers see. A run killed while creating a table
   * leaves a {@code _delta_log} folder with no commit in it, or a table that no manifest names yet:
   * that table does not exist yet.
   */
  public boolean exists(String table) {
    return groups.visible(table);
  }

  /**
   * Every Delta table that readers see, with its view name first: {@code clean_households}, {@code
   * quarantine_demands}, {@code marts_settlement_month}, {@code submissions} ({@code runs} is JSON,
   * see RunStore).
   */
  public List<String[]> tables() {
    return discovery.views(this::exists);
  }

  /** The table's current Delta version: what a report names so it can be traced to its data. */
  public long version(String table) {
    return snapshot(table).getVersion();
  }

  /** The table's partition columns, as its log records them. */
  public List<String> partitionColumns(String table) {
    return snapshot(table).getPartitionColumnNames();
  }

  /** The table's rows, as its current version lists them. */
  public Dataset<Row> read(String table) {
    return read(table, null);
  }

  /** The period's rows of a table: only the period's files are read. */
  public Dataset<Row> readPeriod(String table, Period period) {
    return read(table, Map.entry(Tables.PERIOD, period.toString()));
  }

  /**
   * The rows of a table's periods in {@code periods}: only their files are read, picked from the
   * log by their {@code period} partition (every table Tashil writes has it). A month's run reads a
   * window of the months before it, and Spark would otherwise look at every month's files before it
   * keeps the window's.
   */
  public Dataset<Row> readPeriods(String table, PeriodRange periods) {
    DeltaLog.State state = state(table, null);
    return read(
        table, state, state.files().stream().filter(f -> periods.contains(period(f))).toList());
  }

  /** The period's rows of a small table, read into memory: a frame of local rows. */
  public Dataset<Row> readPeriodInMemory(String table, Period period) {
    Dataset<Row> rows = readPeriod(table, period);
    return spark.createDataFrame(
        Projections.interpreted(spark.sparkContext(), rows::collectAsList), rows.schema());
  }

  /**
   * Whether every row of the table's partitions from {@code first} to {@code last} holds, in each
   * text column given, the value given for its period, read from the Parquet footers' statistics of
   * the files rather than from their rows: for columns a write gives one value, such as a state's
   * basis. False when a footer does not show one value of such a column (no statistics kept).
   */
  public boolean holdsInEveryRow(
      String table, Period first, Period last, Map<String, Function<Period, String>> expected) {
    PeriodRange periods = new PeriodRange(first, last);
    for (DeltaLog.DataFile file : state(table, null).files()) {
      Period period = period(file);
      if (!periods.contains(period)) {
        continue;
      }
      ParquetMetadata footer = footers.footer(file.path());
      for (Map.Entry<String, Function<Period, String>> column : expected.entrySet()) {
        ParquetFooters.Constant constant = ParquetFooters.constant(footer, column.getKey());
        boolean holds =
            constant instanceof ParquetFooters.NoRows
                || (constant instanceof ParquetFooters.One one
                    && one.value().equals(column.getValue().apply(period)));
        if (!holds) {
          return false;
        }
      }
    }
    return true;
  }

  /** The current version's data files of a table: Parquet files another engine can read. */
  public List<String> files(String table) {
    return state(table, null).files().stream().map(DeltaLog.DataFile::path).toList();
  }

  private Dataset<Row> read(String table, Map.Entry<String, String> partition) {
    DeltaLog.State state = state(table, partition);
    return read(table, state, state.files());
  }

  /** The rows of some files of a version, with the version's columns. */
  private Dataset<Row> read(String table, DeltaLog.State state, List<DeltaLog.DataFile> files) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), state.schema());
    }
    return spark
        .read()
        .schema(state.schema())
        .option("basePath", path(table))
        .parquet(files.stream().map(DeltaLog.DataFile::path).toArray(String[]::new))
        .select(TableColumns.columns(state.schema()));
  }

  /** The period of a file of a table partitioned by period. */
  private static Period period(DeltaLog.DataFile file) {
    return Period.parse(file.partitionValues().get(Tables.PERIOD));
  }

  /** The version of a table readers read. */
  private Snapshot snapshot(String table) {
    if (!groups.visible(table)) {
      throw missing(table);
    }
    return log.snapshot(path(table), groups.readVersion(table)).orElseThrow(() -> missing(table));
  }

  /** The files of a table, of one partition value when given, at the version readers read. */
  private DeltaLog.State state(String table, Map.Entry<String, String> partition) {
    if (!groups.visible(table)) {
      throw missing(table);
    }
    return log.state(path(table), partition, groups.readVersion(table))
        .orElseThrow(() -> missing(table));
  }

  private IllegalStateException missing(String table) {
    return new IllegalStateException(
        "the warehouse has no table " + table + " (" + path(table) + ")");
  }
}
