package org.tashil.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one way Tashil starts Spark: Delta Lake enabled, java.time dates, few shuffle partitions in
 * local mode (the default 200 is for clusters). Under {@code spark-submit} the master comes from
 * it.
 */
public final class Spark {

  public static final String DEFAULT_MASTER = "local[*]";

  private Spark() {}

  /**
   * @param master the {@code --master} option, or null for Spark's own setting or local mode
   */
  public static SparkSession session(String appName, String master) {
    SparkConf conf = new SparkConf();
    String effective = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
    conf.setAppName(appName).setMaster(effective);
    boolean local = effective.startsWith("local");
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    LocalFileSystemWithoutForks.settings()
        .forEach((name, value) -> conf.setIfMissing("spark.hadoop." + name, value));
    // Each commit writes the table's checksum file (Delta's default), computed from the previous
    // one and the commit: the next use of the table takes its protocol and metadata from it, and
    // the next commit its counts, instead of a Spark job over the log each. The list of every file
    // that Delta would also keep in it is read by nothing, and under a session time zone other
    // than UTC it would be checked by rebuilding the table's state after every commit.
    conf.setIfMissing("spark.databricks.delta.allFilesInCrc.enabled", "false");
    // upper() and lower() through the JVM, not ICU: Tashil upper-cases only ids, and ICU's case
    // mapping first builds a table of every character's title case, 1-2 s of the driver's time on
    // the first use.
    conf.setIfMissing("spark.sql.icu.caseMappings.enabled", "false");
    // A value looked up in a constant map of 16 entries or more (the as-of pick's registry ids) by
    // its hash, not by comparing it with every key in turn (Spark's default from 1,000 entries).
    conf.setIfMissing("spark.sql.optimizer.mapLookupHashThreshold", "16");
    if (local) {
      // A task's fatal error ends this very JVM: remembered, so the run can say why it ended.
      String plugins = conf.get("spark.plugins", "");
      conf.set(
          "spark.plugins", (plugins.isBlank() ? "" : plugins + ",") + TaskErrors.class.getName());
      conf.setIfMissing("spark.sql.shuffle.partitions", "2");
      conf.setIfMissing("spark.default.parallelism", "4");
      // A month's data is small: re-planning (AQE) and per-file statistics cost more than they
      // save on one machine (docs/performance.md has what these settings gain).
      conf.setIfMissing("spark.sql.adaptive.enabled", "false");
      conf.setIfMissing("spark.databricks.delta.stats.collect", "false");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      // One machine: no waiting for data locality, and the Delta log replayed in one task, not 50.
      conf.setIfMissing("spark.locality.wait", "0");
      conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
      // A table's files are small (one per office and month): read them in one split per core,
      // not in one task per 4 MB of assumed opening cost, which made 18 tasks of a month's scan.
      conf.setIfMissing("spark.sql.files.maxPartitionBytes", "1g");
      conf.setIfMissing("spark.sql.files.openCostInBytes", "65536");
      // A table is read from the files its Delta log lists (Warehouse), a few hundred at most
      // here: their statuses are taken on the driver, not by a Spark job of a task per file.
      conf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000");
      // The reader of each of those files fills batches of rows it allocates for the file: of
      // 1,024 rows, not 4,096, when a file holds a few hundred to a few thousand rows.
      conf.setIfMissing("spark.sql.parquet.columnarReaderBatchSize", "1024");
      // Spark sizes the memory pages of its hash maps and sorts from the heap and the cores: 64 MB
      // here, a new Java array that the JVM zeroes (and G1 would hold as a humongous object),
      // for every task that aggregates or sorts a few thousand rows. 1 MB (the smallest size Spark
      // chooses itself) made a scale-1 run touch a third fewer pages and start fewer collections.
      conf.setIfMissing("spark.buffer.pageSize", "1m");
      // The tasks of every session under the executor's one class loader (see compileOnce), not
      // under one per session that asks the driver for every class it does not find.
      conf.setIfMissing("spark.sql.artifact.isolation.enabled", "false");
    }
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    if (local) {
      compileOnce(session);
    }
    return session;
  }

  /** The class loader of local mode's tasks, as the task of {@link #compileOnce} saw it. */
  private static final java.util.concurrent.atomic.AtomicReference<ClassLoader> TASK_LOADER =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * Puts the calling thread, and the threads it starts from then on, under the class loader of
   * local mode's tasks, so that the code Spark generates for a stage is compiled once, not twice.
   * Spark keeps the classes it compiles by (the thread's class loader, the source): the driver
   * compiles a stage's code when it plans it, to check it, and the stage's first task, running in
   * this JVM under the executor's class loader, found nothing for its loader and compiled the same
   * source again. The executor's loader holds no class of its own (no jar is added to a local
   * session) and hands every lookup to the application's: compiling once halves the CPU a run
   * spends on generated code.
   */
  private static void compileOnce(SparkSession session) {
    // A job of one task, of the core API: the session's SQL machinery is not yet needed.
    org.apache.spark.api.java.JavaSparkContext.fromSparkContext(session.sparkContext())
        .parallelize(java.util.List.of(0), 1)
        .foreach(task -> TASK_LOADER.set(Thread.currentThread().getContextClassLoader()));
    ClassLoader tasks = TASK_LOADER.get();
    if (tasks != null) {
      Thread.currentThread().setContextClassLoader(tasks);
    }
  }
}
