package org.tashil.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tashil.calendar.Period;
import org.tashil.run.Progress;

/**
 * The warehouse (contract §4): Delta tables under one root, a local folder or any Hadoop file
 * system URI. A period's rows are replaced with Delta's {@code replaceWhere}, so readers see the
 * old version or the new one, never a mix, and a re-run never duplicates.
 */
public final class Warehouse {

  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  /** The layers whose tables {@code query} registers as {@code <layer>_<table>} views. */
  public static final List<String> LAYERS = List.of("clean", "quarantine", "marts");

  /** How many tables {@link #sideBySide} reads or writes at once. */
  private static final int WRITERS = 3;

  /**
   * The fair scheduler's pool (fairscheduler.xml) whose tasks run only on a core the run's own jobs
   * leave free.
   */
  static final String BACKGROUND_POOL = "background";

  /**
   * Spark's setting that chooses between generated and interpreted projections, which a thread can
   * set for the jobs it starts. Delta's work on a table's log (its state, the files a period
   * replaces) and the write of a few rows run a handful of rows through projections over Delta's
   * wide schema of file actions: generating their Java source, in every task, costs more than
   * interpreting them. The big jobs keep generated code.
   */
  private static final String PROJECTIONS = "spark.sql.codegen.factoryMode";

  private static final String INTERPRETED = "NO_CODEGEN";

  private final SparkSession spark;
  private final String root;
  private final Progress progress;

  public Warehouse(SparkSession spark, String root) {
    this(spark, root, Progress.NONE);
  }

  /** A warehouse whose writes are reported to {@code progress}, one step each. */
  public Warehouse(SparkSession spark, String root, Progress progress) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.root = Objects.requireNonNull(root, "root").replaceAll("/+$", "");
    this.progress = Objects.requireNonNull(progress, "progress");
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

  private void write(String table, Period period, Dataset<Row> rows, String... partitions) {
    long start = System.nanoTime();
    List<String> partitionColumns = new ArrayList<>(List.of(Tables.PERIOD));
    partitionColumns.addAll(List.of(partitions));
    rows.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("replaceWhere", Tables.PERIOD + " = '" + period + "'")
        .partitionBy(partitionColumns.toArray(String[]::new))
        .save(path(table));
    LOG.debug("{} {} written in {} ms", table, period, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Runs independent table reads or writes side by side (each write its own atomic commit), and
   * returns when all have ended; the first failure is rethrown. Most of a small table's read or
   * write is Delta's fixed work on the driver (its log, planning, the commit), which overlaps
   * another's tasks.
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

  /** Tables being loaded ahead ({@link #warm}); closing waits for the loading to end. */
  public interface Warming extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Loads the current state of each existing table (its files, from Delta's log) on a background
   * thread, while the caller does other work: a write replacing a period, or a read, needs that
   * state, and finds it computed as long as no other commit came between. Most of loading it is
   * work on the driver and small tasks, which leave a core free beside other jobs. Close the
   * returned handle to wait for it; a table that fails to load here is only loaded later, by the
   * write or read that needs it, which reports the failure.
   */
  public Warming warm(Period period, List<String> tables) {
    java.util.concurrent.ExecutorService thread =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
              Thread daemon = new Thread(runnable, "tashil-warm-tables");
              daemon.setDaemon(true);
              return daemon;
            });
    java.util.concurrent.Future<?> loading =
        thread.submit(
            () -> {
              spark.sparkContext().setLocalProperty("spark.scheduler.pool", BACKGROUND_POOL);
              spark.sparkContext().setLocalProperty(PROJECTIONS, INTERPRETED);
              for (String table : tables) {
                try {
                  if (exists(table)) {
                    readPeriod(table, period).inputFiles();
                  }
                } catch (RuntimeException e) {
                  LOG.debug("{}: state not loaded ahead ({})", table, e.toString());
                }
              }
            });
    thread.shutdown();
    return () -> {
      try {
        loading.get();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.debug("loading tables ahead failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
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
   * Runs {@code work} with interpreted projections in the jobs it starts: for work on a table's log
   * and on a few rows ({@link #PROJECTIONS}).
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
    return io.delta.tables.DeltaTable.forPath(spark, path(table))
        .history(1)
        .first()
        .<Long>getAs("version");
  }

  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /** The period's rows of a table. */
  public Dataset<Row> readPeriod(String table, Period period) {
    return read(table)
        .where(org.apache.spark.sql.functions.col(Tables.PERIOD).equalTo(period.toString()));
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
