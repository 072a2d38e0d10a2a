package org.tashil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.schema.Dataset;
import org.tashil.schema.Problem;
import org.tashil.spark.HadoopConf;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * {@code tashil ingest}: every office file of a period, read and checked in Spark tasks (one file
 * per task), written to {@code clean/<dataset>}, {@code quarantine/<dataset>} and {@code
 * submissions}, each replacing the period atomically.
 */
public final class IngestJob {

  private final SparkSession spark;
  private final Registry registry;
  private final String inbox;
  private final Warehouse warehouse;

  /** The tables an ingest writes, each replacing the period's rows with one commit. */
  public static final List<String> TABLES;

  static {
    List<String> tables = new ArrayList<>();
    for (Dataset dataset : Dataset.values()) {
      tables.add("clean/" + dataset.tableName());
      tables.add("quarantine/" + dataset.tableName());
    }
    tables.add("submissions");
    TABLES = List.copyOf(tables);
  }

  public IngestJob(SparkSession spark, Registry registry, String inbox, Warehouse warehouse) {
    this.spark = spark;
    this.registry = registry;
    this.inbox = inbox;
    this.warehouse = warehouse;
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
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HadoopConf hadoop = new HadoopConf(context.hadoopConfiguration());
    List<InboxFile> files = Inbox.list(inbox, period, hadoop.configuration());
    Broadcast<Registry> registryShared = context.broadcast(registry);
    Broadcast<HadoopConf> hadoopShared = context.broadcast(hadoop);
    // One slice of files per core: each slice becomes a task of every write below, and a task of a
    // small write costs more in its setup than in its rows.
    int slices = Math.max(1, Math.min(files.size(), context.defaultParallelism()));
    JavaRDD<FileOutcome> outcomes =
        context
            .parallelize(files, slices)
            .map(
                file ->
                    file.check(
                        new FileChecker(registryShared.value(), period),
                        read(file, hadoopShared.value())))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      outcomes.count(); // the files are read and checked once, before the writes share them
      Map<String, org.apache.spark.sql.Dataset<Row>> small =
          java.util.Collections.synchronizedMap(new HashMap<>());
      List<Runnable> writes = new ArrayList<>();
      for (Dataset dataset : Dataset.values()) {
        writes.add(() -> writeClean(outcomes, dataset, period, small));
        writes.add(() -> writeQuarantine(outcomes, dataset, period, small));
      }
      List<Row> accepted = new ArrayList<>();
      writes.add(() -> accepted.addAll(acceptedBySettlement(outcomes)));
      warehouse.sideBySide(writes);
      List<Submission> submissions =
          firstSeen(outcomes.map(FileOutcome::submission).collect(), period, today);
      small.put("submissions", writeSubmissions(submissions, period));
      Map<String, org.apache.spark.sql.Dataset<Row>> tables = new java.util.LinkedHashMap<>();
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

  /** The clean rows of the period by dataset and settlement, as (dataset, settlement_id, rows). */
  private static List<Row> acceptedBySettlement(JavaRDD<FileOutcome> outcomes) {
    Map<String, Integer> settlementColumn = new HashMap<>();
    for (Dataset dataset : Dataset.values()) {
      settlementColumn.put(dataset.tableName(), Tables.clean(dataset).fieldIndex("settlement_id"));
    }
    Map<scala.Tuple2<String, String>, Long> counts =
        outcomes
            .flatMap(
                outcome -> {
                  String dataset = outcome.submission().dataset();
                  List<scala.Tuple2<String, String>> keys = new ArrayList<>();
                  if (outcome.accepted().isEmpty()) {
                    return keys.iterator(); // a rejected file, perhaps of no known dataset
                  }
                  int column = settlementColumn.get(dataset);
                  for (FileOutcome.CleanRow row : outcome.accepted()) {
                    keys.add(new scala.Tuple2<>(dataset, (String) row.values()[column]));
                  }
                  return keys.iterator();
                })
            .countByValue();
    List<Row> rows = new ArrayList<>();
    counts.forEach((key, count) -> rows.add(RowFactory.create(key._1(), key._2(), count)));
    return rows;
  }

  private static byte[] read(InboxFile file, HadoopConf hadoop) throws IOException {
    Path path = new Path(file.uri());
    FileSystem fs = path.getFileSystem(hadoop.configuration());
    try (InputStream in = fs.open(path)) {
      return in.readAllBytes();
    }
  }

  private void writeClean(
      JavaRDD<FileOutcome> outcomes,
      Dataset dataset,
      Period period,
      Map<String, org.apache.spark.sql.Dataset<Row>> small) {
    String name = dataset.tableName();
    String periodText = period.toString();
    JavaRDD<Row> rows =
        outcomes
            .filter(outcome -> outcome.submission().dataset().equals(name))
            .flatMap(
                outcome -> {
                  Submission submission = outcome.submission();
                  List<Row> out = new ArrayList<>(outcome.accepted().size());
                  for (FileOutcome.CleanRow row : outcome.accepted()) {
                    Object[] values =
                        java.util.Arrays.copyOf(row.values(), row.values().length + 4);
                    int next = row.values().length;
                    values[next] = submission.officeId();
                    values[next + 1] = submission.file();
                    values[next + 2] = row.line();
                    values[next + 3] = periodText;
                    out.add(RowFactory.create(values));
                  }
                  return out.iterator();
                });
    String table = "clean/" + name;
    org.apache.spark.sql.Dataset<Row> frame = spark.createDataFrame(rows, Tables.clean(dataset));
    if (IngestedRows.TABLES.contains(table)) {
      small.put(table, inMemory(table, period, frame, Tables.OFFICE_ID));
    } else {
      warehouse.replacePeriod(table, period, frame, Tables.OFFICE_ID);
    }
  }

  /** Writes a small table's period from memory, and returns those rows. */
  private org.apache.spark.sql.Dataset<Row> inMemory(
      String table, Period period, org.apache.spark.sql.Dataset<Row> rows, String... partitions) {
    return spark.createDataFrame(
        warehouse.replacePeriodInMemory(table, period, rows, partitions), rows.schema());
  }

  private void writeQuarantine(
      JavaRDD<FileOutcome> outcomes,
      Dataset dataset,
      Period period,
      Map<String, org.apache.spark.sql.Dataset<Row>> small) {
    String name = dataset.tableName();
    String periodText = period.toString();
    JavaRDD<Row> rows =
        outcomes
            .filter(outcome -> outcome.submission().dataset().equals(name))
            .flatMap(
                outcome -> {
                  Submission submission = outcome.submission();
                  List<Row> out = new ArrayList<>(outcome.quarantined().size());
                  for (QuarantinedRow row : outcome.quarantined()) {
                    Problem reason = row.reason();
                    out.add(
                        RowFactory.create(
                            submission.officeId(),
                            submission.file(),
                            row.line(),
                            scala.jdk.javaapi.CollectionConverters.asScala(row.raw()),
                            reason.code().name(),
                            reason.column(),
                            reason.message(Locale.ENGLISH),
                            row.problems().stream().map(Problem::tag).toArray(String[]::new),
                            periodText));
                  }
                  return out.iterator();
                });
    String table = "quarantine/" + name;
    small.put(table, inMemory(table, period, spark.createDataFrame(rows, Tables.QUARANTINE)));
  }

  /** Keeps the day a checksum was first seen across re-ingests; new checksums are seen today. */
  private List<Submission> firstSeen(List<Submission> submissions, Period period, LocalDate today) {
    Map<String, LocalDate> earlier = new HashMap<>();
    if (warehouse.exists("submissions")) {
      for (Row row :
          warehouse
              .readPeriod("submissions", period)
              .select(Tables.OFFICE_ID, "dataset", "sha256", "first_seen_on")
              .collectAsList()) {
        String key = row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2);
        LocalDate seen = row.getAs(3);
        earlier.merge(key, seen, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    List<Submission> out = new ArrayList<>();
    for (Submission submission : submissions) {
      String key = submission.officeId() + "/" + submission.dataset() + "/" + submission.sha256();
      LocalDate seen = earlier.getOrDefault(key, today);
      out.add(submission.withFirstSeenOn(seen.isBefore(today) ? seen : today));
    }
    out.sort(java.util.Comparator.comparing(Submission::file));
    return out;
  }

  private org.apache.spark.sql.Dataset<Row> writeSubmissions(
      List<Submission> submissions, Period period) {
    List<Row> rows = new ArrayList<>();
    for (Submission s : submissions) {
      rows.add(
          RowFactory.create(
              s.officeId(),
              s.dataset(),
              s.file(),
              s.sha256(),
              s.format(),
              s.encoding(),
              s.delimiter(),
              s.rowsRead(),
              s.rowsAccepted(),
              s.rowsQuarantined(),
              s.status(),
              s.message(Locale.ENGLISH),
              s.droppedColumns().toArray(String[]::new),
              s.ignoredColumns().toArray(String[]::new),
              s.firstSeenOn(),
              period.toString()));
    }
    org.apache.spark.sql.Dataset<Row> frame = spark.createDataFrame(rows, Tables.SUBMISSIONS);
    warehouse.replacePeriod("submissions", period, frame);
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
      for (Dataset required : List.of(Dataset.DEMANDS, Dataset.ACTIVITIES)) {
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
