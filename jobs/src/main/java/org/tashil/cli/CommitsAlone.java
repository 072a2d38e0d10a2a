package org.tashil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.tashil.bench.DeltaFloor;
import org.tashil.calendar.Period;
import org.tashil.spark.Spark;
import org.tashil.warehouse.Warehouse;

/**
 * {@code java org.tashil.cli.CommitsAlone WAREHOUSE PERIOD}: what Spark and Delta Lake alone take
 * for a monthly run's commits ({@link DeltaFloor}: one row replacing the period in each table a run
 * writes), printed by stage. {@code tashil bench --floor} starts it in a fresh JVM and times it,
 * JVM start included, as cron starts a run: so it starts as {@code tashil} does, with the settings
 * file's Spark settings.
 */
public final class CommitsAlone {

  private CommitsAlone() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  private static int execute(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: java " + CommitsAlone.class.getName() + " WAREHOUSE PERIOD");
      return Tashil.USAGE;
    }
    try {
      Settings.load(args, System.getenv(), Path.of("")).applySparkSettings();
      Period period = Period.parse(args[1]);
      SparkSession spark = Spark.session("tashil bench: the commits alone", null);
      PrintWriter out = new PrintWriter(System.out, true);
      DeltaFloor.commitOneRowEach(new Warehouse(spark, args[0]), period)
          .forEach(
              (stage, seconds) ->
                  out.printf(
                      Locale.ROOT, "floor: %s's tables committed in %.1f s%n", stage, seconds));
      out.flush();
      return Tashil.OK;
    } catch (UsageException e) {
      System.err.println("tashil bench: " + e.getMessage());
      return Tashil.USAGE;
    } catch (RuntimeException e) {
      System.err.println("tashil bench: " + (e.getMessage() != null ? e.getMessage() : e));
      return Tashil.FAILED;
    }
  }
}
