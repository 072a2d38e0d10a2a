package org.tashil.bench;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.AggregateJob;
import org.tashil.calendar.Period;
import org.tashil.ingest.IngestJob;
import org.tashil.warehouse.Parallel;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * What Spark and Delta Lake alone cost for a monthly run's commits, before any of Tashil's work:
 * one row replacing the period in each table a run writes (contract §4), in the run's order and
 * concurrency (ingest's tables side by side, then the marts side by side, each stage one group of
 * commits), through the same {@link Warehouse} calls. Each replacement reads the table's log, finds
 * the period's files, writes one file and commits, as the run's own replacement does; only the rows
 * are fewer. The benchmark times it in a fresh JVM ({@code tashil bench --floor}), as cron starts a
 * run.
 */
public final class DeltaFloor {

  private DeltaFloor() {}

  /**
   * The tables a monthly run replaces a period in, by the stage that writes them, in its order:
   * ingest's, then aggregate's states and marts.
   */
  public static Map<String, List<String>> stages() {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    stages.put("ingest", IngestJob.TABLES);
    stages.put("aggregate", AggregateJob.TABLES);
    return java.util.Collections.unmodifiableMap(stages);
  }

  /**
   * Replaces {@code period} in every table of {@link #stages()} with one row of the table (any
   * period's, moved to this one; none for a table with no rows, as a run commits a month with
   * nothing quarantined), and returns the seconds each stage's tables took.
   *
   * @throws IllegalStateException when a table does not exist
   */
  public static Map<String, Double> commitOneRowEach(Warehouse warehouse, Period period) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    stages()
        .forEach(
            (stage, tables) -> {
              long start = System.nanoTime();
              List<Runnable> commits = new ArrayList<>();
              for (String table : tables) {
                commits.add(() -> commitOneRow(warehouse, table, period));
              }
              try {
                warehouse.group(
                    stage + " " + period,
                    () -> {
                      Parallel.run(commits);
                      return null;
                    });
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              seconds.put(stage, (System.nanoTime() - start) / 1e9);
            });
    return seconds;
  }

  private static void commitOneRow(Warehouse warehouse, String table, Period period) {
    if (!warehouse.exists(table)) {
      throw new IllegalStateException("the warehouse has no " + table + " table");
    }
    Dataset<Row> one =
        warehouse.read(table).limit(1).withColumn(Tables.PERIOD, lit(period.toString()));
    List<String> partitions = new ArrayList<>(warehouse.partitionColumns(table));
    partitions.remove(Tables.PERIOD);
    warehouse.replacePeriodInMemory(table, period, one, partitions.toArray(String[]::new));
  }
}
