package org.tashil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tashil.calendar.Period;
import org.tashil.calendar.PeriodRange;
import org.tashil.generate.GeneratorSettings;
import org.tashil.generate.InboxGenerator;
import org.tashil.run.RunRecord;
import org.tashil.run.RunStore;
import org.tashil.spark.HadoopConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tashil bench --scale N}: the monthly {@code run} of a generated province, timed as cron
 * would start it (a fresh JVM), with the time of each stage, PDFs per second and peak heap, and the
 * aggregation beside DuckDB computing the settlement mart in SQL from the same Parquet files.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Benchmark the monthly run on a generated province: generates the inbox and the earlier"
            + " months' warehouse once (kept under --folder), then times 'run --period P --force'"
            + " in a fresh JVM and compares the aggregation with DuckDB on the same files.")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--scale",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Province size: 1 is today's (130 settlements, 200,000 households over 12 months).")
  double scale;

  @Option(
      names = "--period",
      paramLabel = "YYYY-MM",
      defaultValue = "1405-08",
      converter = PeriodConverter.class,
      description = "The month timed (default ${DEFAULT-VALUE}).")
  Period period;

  @Option(
      names = "--months",
      paramLabel = "N",
      defaultValue = "12",
      description =
          "Months of history before the period: the generated province starts that many months"
              + " before it (default ${DEFAULT-VALUE}).")
  int months;

  @Option(
      names = "--folder",
      paramLabel = "DIR",
      defaultValue = StorageOptions.HOME + "/var/bench",
      description =
          "Where the bench keeps its inbox, warehouse and reports. Default: ${DEFAULT-VALUE}.")
  Path folder;

  @Option(
      names = "--heap",
      paramLabel = "SIZE",
      defaultValue = "4g",
      description =
          "Maximum heap (-Xmx) of the JVMs that prepare the earlier months and of the timed ones."
              + " Default: ${DEFAULT-VALUE}.")
  String heap;

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      defaultValue = StorageOptions.HOME + "/data/reference",
      description = "The registry. Default: ${DEFAULT-VALUE}.")
  Path reference;

  @Option(
      names = "--floor",
      description =
          "Also time, in a fresh JVM on another copy of the earlier months, what Spark and Delta"
              + " Lake alone take for the run's commits: one row replacing the period in each of"
              + " the tables the run writes (DeltaFloor).")
  boolean floor;

  @Override
  public Integer call() throws Exception {
    if (months < 1 || scale <= 0) {
      throw new UsageException("--months is at least 1 and --scale more than 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path base = folder.resolve("scale-" + scaleName() + "-history-" + months);
    Path inbox = base.resolve("inbox");
    Path warehouse = base.resolve("warehouse");
    Path reports = base.resolve("reports");
    List<Period> periods = Period.range(period.minusMonths(months), period);
    List<String> storage = storage(inbox, warehouse);

    if (!Files.isDirectory(inbox.resolve(period.toString()))) {
      long start = System.nanoTime();
      var settings = new GeneratorSettings(periods, scale, 42, 0.15);
      new InboxGenerator(org.tashil.reference.Registry.load(reference), settings).generate(inbox);
      out.printf(Locale.ROOT, "generated the inbox in %.1f s: %s%n", seconds(start), inbox);
      out.flush();
    }
    // The earlier months are prepared once and kept aside; every call times the period's first run
    // on a fresh copy of them, so that calls measure the same work (a forced re-run on the same
    // warehouse would add a revision each time, and with it more of Delta's log to replay).
    Path prepared = base.resolve("prepared-" + periods.get(0) + ".." + period.minusMonths(1));
    if (Files.isRegularFile(prepared)) {
      Files.delete(prepared); // the marker of an older bench, which timed forced re-runs
    }
    Path earlierWarehouse = prepared.resolve("warehouse");
    if (periods.size() > 1 && !Files.isDirectory(earlierWarehouse)) {
      String earlier = new PeriodRange(periods.get(0), period.minusMonths(1)).toString();
      long start = System.nanoTime();
      Path preparing = base.resolve("preparing");
      org.tashil.LocalFolders.delete(preparing);
      List<String> into = storage(inbox, preparing);
      for (String step : List.of("ingest", "aggregate")) {
        int status = tashil(heap, concat(List.of(step, "--period", earlier), into));
        if (status != 0) {
          // 137: killed by a signal 9, which on a machine short of memory is the kernel's.
          out.println(
              "bench: preparing the months before "
                  + period
                  + " failed: "
                  + step
                  + " exited with "
                  + status
                  + (status == 137
                      ? " (killed; out of memory? --heap and TASHIL_HEAP bound each JVM's heap)"
                      : ""));
          return Tashil.FAILED;
        }
      }
      Files.createDirectories(prepared);
      Files.move(preparing, earlierWarehouse);
      out.printf(Locale.ROOT, "prepared the months before %s in %.1f s%n", period, seconds(start));
      out.flush();
    }
    org.tashil.LocalFolders.delete(warehouse);
    if (periods.size() > 1) {
      org.tashil.LocalFolders.copy(earlierWarehouse, warehouse);
    }
    org.tashil.LocalFolders.delete(reports);

    long start = System.nanoTime();
    int exit =
        tashil(
            heap,
            concat(
                List.of(
                    "run",
                    "--period",
                    period.toString(),
                    "--force",
                    "--reports",
                    reports.toString()),
                storage));
    double wall = seconds(start);
    if (exit != 0) {
      out.println("bench: the timed run failed (exit " + exit + ")");
      return Tashil.FAILED;
    }
    RunStore store = new RunStore(warehouse.toString(), HadoopConf.withoutSpark());
    List<RunRecord> records = store.list(period.toString());
    RunRecord run = records.get(records.size() - 1);
    BenchTable.print(out, run, wall, scaleName(), period, heap);

    // Cron's daily call the day after: nothing changed, nothing to do.
    start = System.nanoTime();
    exit =
        tashil(
            heap,
            concat(
                List.of("run", "--period", period.toString(), "--reports", reports.toString()),
                storage));
    double noOp = seconds(start);
    if (exit != 0) {
      out.println("bench: the run with nothing to do failed (exit " + exit + ")");
      return Tashil.FAILED;
    }
    out.printf(
        Locale.ROOT, "run with nothing to do (the next day's cron call), wall: %.2f s%n", noOp);

    // The same month's marts from every version, as before states were carried.
    start = System.nanoTime();
    exit =
        tashil(
            heap,
            concat(List.of("aggregate", "--period", period.toString(), "--from-scratch"), storage));
    double scratchWall = seconds(start);
    if (exit != 0) {
      out.println("bench: aggregate --from-scratch failed (exit " + exit + ")");
      return Tashil.FAILED;
    }
    List<RunRecord> after = store.list(period.toString());
    double fromScratch = after.get(after.size() - 1).stages().get(0).seconds();
    out.printf(
        Locale.ROOT,
        "aggregate from every version (--from-scratch) in a fresh JVM: %.1f s (%.1f s wall)%n",
        fromScratch,
        scratchWall);
    out.flush();
    boolean agree = compareWithDuckDb(out, run, fromScratch, warehouse);
    if (floor && !timeFloor(out, earlierWarehouse, base.resolve("floor"))) {
      return Tashil.FAILED;
    }
    return agree ? Tashil.OK : Tashil.FAILED;
  }

  /**
   * Times the run's commits alone (DeltaFloor) in a fresh JVM, JVM start included, on a copy of the
   * earlier months' warehouse, as the timed run's.
   */
  private boolean timeFloor(PrintWriter out, Path earlierWarehouse, Path floorWarehouse)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(earlierWarehouse)) {
      out.println("bench: --floor needs the earlier months' warehouse (--months 2 or more)");
      return false;
    }
    org.tashil.LocalFolders.delete(floorWarehouse);
    org.tashil.LocalFolders.copy(earlierWarehouse, floorWarehouse);
    long start = System.nanoTime();
    int exit =
        child(heap, CommitsAlone.class, List.of(floorWarehouse.toString(), period.toString()));
    double wall = seconds(start);
    if (exit != 0) {
      out.println("bench: timing the commits alone failed (exit " + exit + ")");
      return false;
    }
    int tables = org.tashil.bench.DeltaFloor.stages().values().stream().mapToInt(List::size).sum();
    out.printf(
        Locale.ROOT,
        "floor: Spark and Delta Lake alone, one row replacing %s in each of the %d tables a run"
            + " writes, in a fresh JVM: %.1f s wall (JVM start included)%n",
        period,
        tables,
        wall);
    out.flush();
    org.tashil.LocalFolders.delete(floorWarehouse);
    return true;
  }

  /**
   * The settlement mart computed again by DuckDB in SQL from the same Parquet files, timed, and
   * compared with Spark's, value by value.
   */
  private boolean compareWithDuckDb(
      PrintWriter out, RunRecord run, double fromScratch, Path warehousePath) {
    org.apache.spark.sql.SparkSession spark =
        org.tashil.spark.Spark.session("tashil bench: DuckDB beside Spark", null);
    org.tashil.warehouse.Warehouse warehouse =
        new org.tashil.warehouse.Warehouse(spark, warehousePath.toString());
    var registry = org.tashil.reference.Registry.load(reference);
    var duckDb = org.tashil.bench.DuckDbPeer.settlementMonth(spark, warehouse, registry, period);
    // Once more, warm, as the second of two runs in one JVM.
    duckDb = org.tashil.bench.DuckDbPeer.settlementMonth(spark, warehouse, registry, period);
    var comparison = org.tashil.bench.MartComparison.settlementMonth(warehouse, duckDb);
    double sparkAggregate = 0;
    double sparkSettlement = 0;
    for (RunRecord.Stage stage : run.stages()) {
      if (stage.name() == RunRecord.StageName.AGGREGATE) {
        sparkAggregate = stage.seconds();
        sparkSettlement = stage.counts().getOrDefault("settlement_month_ms", 0L) / 1e3;
      }
    }
    double duck = duckDb.millis() / 1e3;
    out.printf(
        Locale.ROOT,
        "aggregation: Spark %.1f s for every mart from the carried states (settlement_month %.1f s,"
            + " computed and committed), %.1f s from every version; DuckDB %.2f s for"
            + " settlement_month in SQL over every version, from %d Parquet files (warm)%n",
        sparkAggregate,
        sparkSettlement,
        fromScratch,
        duck,
        duckDb.files());
    out.printf(
        Locale.ROOT,
        "  (a) the same algorithm, Spark from every version / DuckDB: %.1f×%n"
            + "  (b) the pipeline as it runs, Spark from the carried states / DuckDB: %.1f×"
            + " (settlement_month alone %.1f×)%n",
        fromScratch / Math.max(duck, 1e-3),
        sparkAggregate / Math.max(duck, 1e-3),
        sparkSettlement / Math.max(duck, 1e-3));
    out.println(comparison.report());
    out.flush();
    return comparison.agree();
  }

  /** Runs {@code tashil <args>} in a fresh JVM with this JVM's flags and the given heap. */
  private int tashil(String maxHeap, List<String> args) throws IOException, InterruptedException {
    return child(maxHeap, Tashil.class, args);
  }

  /** Runs {@code main} of {@code entry} in a fresh JVM with this JVM's flags and the given heap. */
  private int child(String maxHeap, Class<?> entry, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // Its own heap; and the class archive is mapped by the child, never written by it too.
      if (!argument.startsWith("-Xmx") && !argument.startsWith("-XX:ArchiveClassesAtExit")) {
        command.add(argument);
      }
    }
    command.add("-Xmx" + maxHeap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(entry.getName());
    command.addAll(args);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private List<String> storage(Path inbox, Path warehouse) {
    return List.of(
        "--inbox",
        inbox.toString(),
        "--warehouse",
        warehouse.toString(),
        "--reference",
        reference.toString());
  }

  private String scaleName() {
    return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
