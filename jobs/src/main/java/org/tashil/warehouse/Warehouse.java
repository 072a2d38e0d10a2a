package org.tashil.warehouse;

import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
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

  /** How many tables {@link #sideBySide} reads or writes at once. */
  private static final int WRITERS = 3;

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

  public Warehouse(SparkSession spark, String root) {
    this(spark, root, Progress.NONE);
  }

  /** A warehouse whose writes are reported to {@code progress}, one step each. */
  public Warehouse(SparkSession spark, String root, Progress progress) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.root = Objects.requireNonNull(root, "root").replaceAll("/+$", "");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.log = new DeltaLog(spark.sparkContext().hadoopConfiguration());
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

  /** Replaces the period's rows of a table with {@code rows}, atomically; creates the table. */
  public void replacePeriod(String table, Period period, Dataset<Row> rows, String... partitions) {
    progress.step("writing " + table);
    write(table, period, rows, partitions);
  }

  /**
   * Spark writes the rows as Parquet into a folder of their own inside the table, the files are
   * moved beside the table's other files, and one Delta commit removes the period's old files and
   * adds the new ones. Until that commit, readers see the old version. A write that fails before it
   * removes its files; one killed before it leaves files no version lists, in the staging folder
   * (removed by the table's next write) or, when killed while moving them, beside the others.
   */
  private void write(String table, Period period, Dataset<Row> rows, String... partitions) {
    long start = System.nanoTime();
    List<String> partitionColumns = new ArrayList<>(List.of(Tables.PERIOD));
    partitionColumns.addAll(List.of(partitions));
    String tablePath = path(table);
    DeltaLog.State before = log.state(tablePath, periodOf(period)).orElse(null);
    StructType schema = before == null ? nullable(rows.schema()) : before.schema();
    if (before != null && !before.partitionColumns().equals(partitionColumns)) {
      throw new IllegalArgumentException(
          table
              + " is partitioned by "
              + before.partitionColumns()
              + ", not by "
              + partitionColumns);
    }
    if (!sameColumns(nullable(rows.schema()), schema)) {
      throw new IllegalArgumentException(
          "the rows for "
              + table
              + " do not have its columns: "
              + rows.schema().simpleString()
              + " against "
              + schema.simpleString());
    }
    DeltaLog.requirePartitionTypes(schema, partitionColumns);
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
          log.commit(tablePath, before, schema, partitionColumns, added);
        } catch (DeltaLog.NotCommittedException e) {
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
        staged.add(new StagedFile(file, relative, partitionValues(relative, partitions)));
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

  /** The partition values a folder's path names, Hive's way ({@code period=1405-08/...}). */
  private static Map<String, String> partitionValues(String relativeFile, List<String> columns) {
    String[] folders = relativeFile.split("/");
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < folders.length - 1; i++) {
      int equals = folders[i].indexOf('=');
      String value = ExternalCatalogUtils.unescapePathName(folders[i].substring(equals + 1));
      values.put(
          folders[i].substring(0, equals),
          ExternalCatalogUtils.DEFAULT_PARTITION_NAME().equals(value) ? null : value);
    }
    if (!values.keySet().equals(new java.util.LinkedHashSet<>(columns))) {
      throw new IllegalStateException(relativeFile + " is not in a folder of " + columns);
    }
    return values;
  }

  /** Whether the rows have the table's columns, by name and type, in any order. */
  private static boolean sameColumns(StructType rows, StructType table) {
    if (rows.length() != table.length()) {
      return false;
    }
    for (StructField field : table.fields()) {
      if (!java.util.Arrays.asList(rows.fieldNames()).contains(field.name())
          || !rows.apply(field.name()).dataType().equals(field.dataType())) {
        return false;
      }
    }
    return true;
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
   * Runs independent table reads or writes side by side (each write its own atomic commit), and
   * returns when all have ended; the first failure is rethrown. Most of a small table's read or
   * write is fixed work on the driver (its log, planning, the commit), which overlaps another's
   * tasks.
   */
  public void sideBySide(List<Runnable> writes) {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(Math.min(WRITERS, writes.size()));
    try {
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      writes.forEach(write -> running.add(pool.submit(write)));
      RuntimeException failure = null;
      for (java.util.concurrent.Future<?> write : running) {
        try {
          write.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdown();
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
   * Whether the table has a committed version. A run killed while creating a table leaves a {@code
   * _delta_log} folder with no commit in it: that table does not exist yet.
   */
  public boolean exists(String table) {
    try {
      Path log = new Path(path(table) + "/_delta_log");
      FileSystem fs = fileSystem(log);
      if (!fs.isDirectory(log)) {
        return false;
      }
      for (FileStatus file : fs.listStatus(log)) {
        String name = file.getPath().getName();
        if (name.matches("\\d{20}\\.json") || name.contains(".checkpoint")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table's current Delta version: what a report names so it can be traced to its data. */
  public long version(String table) {
    return log.latest(path(table)).orElseThrow(() -> missing(table)).getVersion();
  }

  /** The table's partition columns, as its log records them. */
  public List<String> partitionColumns(String table) {
    return log.latest(path(table)).orElseThrow(() -> missing(table)).getPartitionColumnNames();
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
    return log.state(path(table), null).orElseThrow(() -> missing(table)).files().stream()
        .map(DeltaLog.DataFile::path)
        .toList();
  }

  private Dataset<Row> read(String table, Map.Entry<String, String> partition) {
    DeltaLog.State state = log.state(path(table), partition).orElseThrow(() -> missing(table));
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
    try {
      for (String layer : LAYERS) {
        Path folder = new Path(path(layer));
        FileSystem fs = fileSystem(folder);
        if (!fs.exists(folder)) {
          continue;
        }
        for (FileStatus status : fs.listStatus(folder)) {
          String name = status.getPath().getName();
          if (status.isDirectory() && exists(layer + "/" + name)) {
            tables.add(new String[] {layer + "_" + name, layer + "/" + name});
          }
        }
      }
      if (exists("submissions")) {
        tables.add(new String[] {"submissions", "submissions"});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tables.sort(java.util.Comparator.comparing(entry -> entry[0]));
    return tables;
  }

  private FileSystem fileSystem(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
