package org.tashil.warehouse;

import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
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

  /**
   * Spark's setting that chooses between generated and interpreted projections, which a thread can
   * set for the jobs it starts. The write of a few rows from memory and the read of a small table
   * run a handful of rows through their projections: generating their Java source, in every task,
   * costs more than interpreting them. The big jobs keep generated code.
   */
  private static final String PROJECTIONS = "spark.sql.codegen.factoryMode";

  private static final String INTERPRETED = "NO_CODEGEN";

  /** The folder inside a table where a write's files wait for its commit. */
  private static final String STAGING = "_tashil_staging";

  private final SparkSession spark;
  private final String root;
  private final Progress progress;
  private final DeltaLog log;
  private final CommitFiles commitFiles;
  private final DeltaCommits commits;
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
      commitWrite(table, period, rows, open, partitions);
      return;
    }
    try {
      group(
          "write " + table + " " + period,
          () -> {
            commitWrite(table, period, rows, writing.get(), partitions);
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Spark writes the rows as Parquet into a folder of their own inside the table, the files are
   * moved beside the table's other files, and one Delta commit removes the period's old files and
   * adds the new ones. Until that commit, readers see the old version. A write whose commit is
   * known not to be written removes its files; one that may have been written keeps them (orphans
   * at worst); one killed before it leaves files no version lists, in the staging folder (removed
   * by the table's next write) or, when killed while moving them, beside the others. {@code tashil
   * maintain} removes files no version within its retention lists.
   */
  private void commitWrite(
      String table,
      Period period,
      Dataset<Row> rows,
      Map<String, Long> group,
      String... partitions) {
    long start = System.nanoTime();
    List<String> partitionColumns = new ArrayList<>(List.of(Tables.PERIOD));
    partitionColumns.addAll(List.of(partitions));
    String tablePath = path(table);
    DeltaLog.State before = log.state(tablePath, periodOf(period)).orElse(null);
    StructType schema =
        before == null
            ? nullable(rows.schema())
            : withNewColumns(table, before.schema(), nullable(rows.schema()));
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
    Path staging = new Path(stagingFolder, java.util.UUID.randomUUID().toString());
    try {
      FileSystem fs = fileSystem(staging);
      // What a write killed before its commit left there: one table is written by one write at a
      // time (the warehouse lock), so nothing there is another write's.
      fs.delete(stagingFolder, true);
      try {
        rows.select(columns(schema))
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
              java.util.Optional.empty()),
          file.partitionValues());
    }
    return moved;
  }

  private static Map.Entry<String, String> periodOf(Period period) {
    return Map.entry(Tables.PERIOD, period.toString());
  }

  /**
   * The table's columns, followed by the columns the rows add to them: a new nullable column is the
   * one change of a table's columns that Tashil makes (a new version of Tashil that computes one
   * more figure), and the periods written before read it as null. A column the rows lack, or hold
   * as another type, would make the table's older files unreadable as the new ones: refused, naming
   * the table and the way forward.
   */
  private StructType withNewColumns(String table, StructType existing, StructType rows) {
    List<String> names = java.util.Arrays.asList(rows.fieldNames());
    for (StructField field : existing.fields()) {
      String change =
          !names.contains(field.name())
              ? "which the rows written now do not have"
              : !rows.apply(field.name()).dataType().equals(field.dataType())
                  ? "which the rows written now hold as "
                      + rows.apply(field.name()).dataType().simpleString()
                  : null;
      if (change != null) {
        throw new IllegalArgumentException(
            table
                + " has the column "
                + field.name()
                + " ("
                + field.dataType().simpleString()
                + "), "
                + change
                + ". Tashil adds columns to a table, but never removes or changes one: move the"
                + " folder "
                + path(table)
                + " aside and write every period again ("
                + (table.startsWith("marts/")
                    ? "tashil aggregate --period FIRST..LAST"
                    : "tashil run --period FIRST..LAST --force, from the inbox")
                + "), which makes the table anew with the columns of this version.");
      }
    }
    StructType evolved = existing;
    for (StructField field : rows.fields()) {
      if (!java.util.Arrays.asList(existing.fieldNames()).contains(field.name())) {
        evolved = evolved.add(field);
      }
    }
    return evolved;
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames())
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /** The schema with every column, element and value nullable, as Delta Lake stores it. */
  private static StructType nullable(StructType schema) {
    return (StructType) nullable((DataType) schema);
  }

  private static DataType nullable(DataType type) {
    if (type instanceof StructType struct) {
      StructField[] fields = new StructField[struct.length()];
      for (int i = 0; i < fields.length; i++) {
        StructField field = struct.fields()[i];
        fields[i] =
            new StructField(field.name(), nullable(field.dataType()), true, field.metadata());
      }
      return new StructType(fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(nullable(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return new MapType(nullable(map.keyType()), nullable(map.valueType()), true);
    }
    return type;
  }

  /**
   * Computes a small table's rows for the period into memory, replaces the period with them (one
   * file per partition) and returns them: the rows committed, for a caller that uses them next.
   */
  public List<Row> replacePeriodInMemory(
      String table, Period period, Dataset<Row> rows, String... partitions) {
    progress.step("writing " + table);
    List<Row> computed = rows.collectAsList();
    interpreted(
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
    return spark.createDataFrame(interpreted(rows::collectAsList), rows.schema());
  }

  /**
   * Runs {@code work} with interpreted projections in the jobs it starts: for work on a few rows
   * ({@link #PROJECTIONS}).
   */
  private <T> T interpreted(java.util.function.Supplier<T> work) {
    String projections = spark.sparkContext().getLocalProperty(PROJECTIONS);
    spark.sparkContext().setLocalProperty(PROJECTIONS, INTERPRETED);
    try {
      return work.get();
    } finally {
      spark.sparkContext().setLocalProperty(PROJECTIONS, projections);
    }
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
    return read(table, periodOf(period));
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
        .select(columns(state.schema()));
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

  private FileSystem fileSystem(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
