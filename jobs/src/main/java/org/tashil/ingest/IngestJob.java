package org.tashil.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.schema.OfficeDataset;
import org.tashil.spark.HadoopConf;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil ingest}: every office file of a period, read and checked in Spark tasks (a slice of
 * files per task, {@link SliceOutcomes}), made into rows ({@link TableRows}) and written to {@code
 * clean/<dataset>}, {@code quarantine/<dataset>} and {@code submissions}, each replacing the period
 * atomically.
 */
public final class IngestJob {

  private final SparkSession spark;
  private final Registry registry;
  private final String inbox;
  private final Warehouse warehouse;
  private final long maxFileSize;

  /** The tables an ingest writes, each replacing the period's rows with one commit. */
  public static final List<String> TABLES;

  static {
    List<String> tables = new ArrayList<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      tables.add("clean/" + dataset.tableName());
      tables.add("quarantine/" + dataset.tableName());
    }
    tables.add("submissions");
    TABLES = List.copyOf(tables);
  }

  /**
   * @param maxFileSize the largest dataset file read, in bytes; larger ones are rejected unread
   */
  public IngestJob(
      SparkSession spark, Registry registry, String inbox, Warehouse warehouse, long maxFileSize) {
    this.spark = spark;
    this.registry = registry;
    this.inbox = inbox;
    this.warehouse = warehouse;
    this.maxFileSize = maxFileSize;
  }

  /**
   * What one ingest did.
   *
   * @param rows what aggregate reads of this ingest, as committed, for the aggregate of the same
   *     run
   */
  public record Result(
      Period period,
      List<Submission> submissions,
      List<String> officesMissingFiles,
      IngestedRows rows) {

    public long rows(java.util.function.ToIntFunction<Submission> count) {
      return submissions.stream().mapToLong(count::applyAsInt).sum();
    }

    /**
     * What the data team should read about single files, one line each: the files rejected whole
     * and the entries that were not dataset files, with why (in English, for logs and cron mail).
     */
    public List<String> fileLines() {
      List<String> lines = new ArrayList<>();
      for (Submission s : submissions) {
        if (Submission.REJECTED.equals(s.status()) || Submission.IGNORED.equals(s.status())) {
          lines.add(s.status() + " " + s.file() + ": " + s.message(Locale.ENGLISH));
        }
      }
      return lines;
    }

    /** The figures a run record keeps of an ingest. */
    public Map<String, Long> counts() {
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      counts.put("files", (long) submissions.size());
      counts.put("offices", submissions.stream().map(Submission::officeId).distinct().count());
      counts.put("rows_read", rows(Submission::rowsRead));
      counts.put("rows_accepted", rows(Submission::rowsAccepted));
      counts.put("rows_quarantined", rows(Submission::rowsQuarantined));
      counts.put(
          "files_rejected",
          submissions.stream().filter(s -> Submission.REJECTED.equals(s.status())).count());
      counts.put(
          "files_ignored",
          submissions.stream().filter(s -> Submission.IGNORED.equals(s.status())).count());
      counts.put("offices_missing_files", (long) officesMissingFiles.size());
      return counts;
    }
  }

  /**
   * Ingests the period.
   *
   * @param today the day this run sees the files, kept as {@code first_seen_on} of new checksums
   */
  public Result run(Period period, LocalDate today) throws IOException {
    // The clean, quarantine and submissions tables of one ingest are seen by readers together.
    return warehouse.group("ingest " + period, () -> ingest(period, today));
  }

  private Result ingest(Period period, LocalDate today) throws IOException {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HadoopConf hadoop = new HadoopConf(context.hadoopConfiguration());
    List<InboxFile> files = Inbox.list(inbox, period, hadoop.configuration());
    Broadcast<Registry> registryShared = context.broadcast(registry);
    Broadcast<HadoopConf> hadoopShared = context.broadcast(hadoop);
    long maxFileSize = this.maxFileSize;
    // One slice of files per core: each slice becomes a task of every write below, and a task of a
    // small write costs more in its setup than in its rows.
    int slices = Math.max(1, Math.min(files.size(), context.defaultParallelism()));
    // Every file's rows stream out of its check one by one, and are kept (spilled to disk when they
    // do not fit in memory) for the writes that share them: no file is ever held whole.
    JavaRDD<FileOutcome> outcomes =
        context
            .parallelize(files, slices)
            .mapPartitions(
                slice -> {
                  FileChecker checker =
                      new FileChecker(registryShared.value(), period, maxFileSize);
                  Configuration configuration = hadoopShared.value().configuration();
                  return new SliceOutcomes(slice, file -> checker.check(file, configuration));
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // The files are read and checked once, here, before the writes share their rows.
      List<Submission> received =
          outcomes
              .filter(outcome -> outcome instanceof Submission)
              .map(outcome -> (Submission) outcome)
              .collect();
      // A file rejected after some of its rows came out gives none of them.
      Set<String> rejected = new HashSet<>();
      received.stream()
          .filter(submission -> Submission.REJECTED.equals(submission.status()))
          .forEach(submission -> rejected.add(submission.file()));
      JavaRDD<FileOutcome> rows =
          outcomes.filter(
              outcome -> !(outcome instanceof Submission) && !rejected.contains(outcome.file()));
      Map<String, Dataset<Row>> small = java.util.Collections.synchronizedMap(new HashMap<>());
      List<Runnable> writes = new ArrayList<>();
      for (OfficeDataset dataset : OfficeDataset.values()) {
        writes.add(() -> writeClean(rows, dataset, period, small));
        writes.add(() -> writeQuarantine(rows, dataset, period, small));
      }
      List<Row> accepted = new ArrayList<>();
      writes.add(() -> accepted.addAll(TableRows.acceptedBySettlement(rows)));
      Parallel.run(writes);
      List<Submission> submissions = firstSeen(received, period, today, files);
      small.put("submissions", writeSubmissions(submissions, period));
      Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
      IngestedRows.TABLES.forEach(table -> tables.put(table, small.get(table)));
      return new Result(
          period,
          submissions,
          officesMissingFiles(period, submissions),
          new IngestedRows(period, tables, IngestedRows.accepted(spark, accepted)));
    } finally {
      outcomes.unpersist(false);
      registryShared.destroy();
      hadoopShared.destroy();
    }
  }

  private void writeClean(
      JavaRDD<FileOutcome> outcomes,
      OfficeDataset dataset,
      Period period,
      Map<String, Dataset<Row>> small) {
    JavaRDD<Row> rows = TableRows.clean(outcomes, dataset, period);
    Dataset<Row> frame = spark.createDataFrame(rows, Tables.clean(dataset));
    write("clean/" + dataset.tableName(), period, frame, small, Tables.OFFICE_ID);
  }

  private void writeQuarantine(
      JavaRDD<FileOutcome> outcomes,
      OfficeDataset dataset,
      Period period,
      Map<String, Dataset<Row>> small) {
    JavaRDD<Row> rows = TableRows.quarantine(outcomes, dataset, period);
    write(
        "quarantine/" + dataset.tableName(),
        period,
        spark.createDataFrame(rows, Tables.QUARANTINE),
        small);
  }

  /**
   * Writes a table's period: a table ingest hands over ({@link IngestedRows#TABLES}) from memory,
   * its rows kept in {@code small}; any other straight from {@code rows}.
   */
  private void write(
      String table,
      Period period,
      Dataset<Row> rows,
      Map<String, Dataset<Row>> small,
      String... partitions) {
    if (IngestedRows.TABLES.contains(table)) {
      small.put(
          table,
          spark.createDataFrame(
              warehouse.replacePeriodInMemory(table, period, rows, partitions), rows.schema()));
    } else {
      warehouse.replacePeriod(table, period, rows, partitions);
    }
  }

  /**
   * Keeps the day a checksum was first seen across re-ingests; new checksums are seen today. Each
   * file's arrival day ({@link ArrivalDay}: its modification day when earlier than first seen, not
   * before the period's first day) is kept the same way, the earliest found; a row written before
   * arrival days were recorded counts from its first sight.
   */
  private List<Submission> firstSeen(
      List<Submission> submissions, Period period, LocalDate today, List<InboxFile> files) {
    Map<String, LocalDate> earlier = new HashMap<>();
    Map<String, LocalDate> arrivedEarlier = new HashMap<>();
    if (warehouse.exists("submissions")) {
      Dataset<Row> previous = warehouse.readPeriod("submissions", period);
      boolean withArrival = Arrays.asList(previous.columns()).contains("arrived_on");
      for (Row row :
          previous
              .select(
                  functions.col(Tables.OFFICE_ID),
                  functions.col("dataset"),
                  functions.col("sha256"),
                  functions.col("first_seen_on"),
                  withArrival
                      ? functions.col("arrived_on")
                      : functions.lit(null).cast(DataTypes.DateType))
              .collectAsList()) {
        String key = row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2);
        LocalDate seen = row.getAs(3);
        LocalDate arrived = row.getAs(4);
        earlier.merge(key, seen, ArrivalDay::earlier);
        arrivedEarlier.merge(key, arrived == null ? seen : arrived, ArrivalDay::earlier);
      }
    }
    Map<String, Long> modified = new HashMap<>();
    files.forEach(file -> modified.put(file.path(), file.modified()));
    List<Submission> out = new ArrayList<>();
    for (Submission submission : submissions) {
      String key = submission.officeId() + "/" + submission.dataset() + "/" + submission.sha256();
      LocalDate seen = ArrivalDay.earlier(earlier.getOrDefault(key, today), today);
      LocalDate arrived = ArrivalDay.of(modified.getOrDefault(submission.file(), 0L), seen, period);
      LocalDate arrivedBefore = arrivedEarlier.get(key);
      if (arrivedBefore != null) {
        arrived = ArrivalDay.earlier(arrived, ArrivalDay.of(0, arrivedBefore, period));
      }
      out.add(submission.seen(seen, arrived));
    }
    out.sort(java.util.Comparator.comparing(Submission::file));
    return out;
  }

  private Dataset<Row> writeSubmissions(List<Submission> submissions, Period period) {
    List<Row> rows = TableRows.submissions(submissions, period);
    Dataset<Row> frame = spark.createDataFrame(rows, Tables.SUBMISSIONS);
    // One file: a period has a row per office file, and every aggregate reads all the periods'
    // files, whose number, not their rows, is what reading them costs.
    warehouse.replacePeriod("submissions", period, frame.coalesce(1));
    return frame;
  }

  /** Active offices that sent no demands or no activities file, as {@code OF-07 (demands)}. */
  private List<String> officesMissingFiles(Period period, List<Submission> submissions) {
    List<String> missing = new ArrayList<>();
    for (Office office : registry.activeOffices(period)) {
      Set<String> sent = new TreeSet<>();
      for (Submission submission : submissions) {
        if (submission.officeId().equals(office.id())
            && !Submission.REJECTED.equals(submission.status())) {
          sent.add(submission.dataset());
        }
      }
      List<String> lacking = new ArrayList<>();
      for (OfficeDataset required : List.of(OfficeDataset.DEMANDS, OfficeDataset.ACTIVITIES)) {
        if (!sent.contains(required.tableName())) {
          lacking.add(required.tableName());
        }
      }
      if (!lacking.isEmpty()) {
        missing.add(office.id() + " (" + String.join(", ", lacking) + ")");
      }
    }
    return missing;
  }
}
