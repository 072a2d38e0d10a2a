package org.tashil.warehouse;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;

/**
 * Spark's choice between generated and interpreted projections ({@code
 * spark.sql.codegen.factoryMode}), which a thread can set for the jobs it starts. The write of a
 * few rows from memory and the read of a small table run a handful of rows through their
 * projections: generating their Java source, in every task, costs more than interpreting them. The
 * big jobs keep generated code.
 */
final class Projections {

  private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

  private static final String INTERPRETED = "NO_CODEGEN";

  private Projections() {}

  /**
   * Runs {@code work} with interpreted projections in the jobs it starts from this thread, then
   * gives the thread back the setting it had.
   */
  static <T> T interpreted(SparkContext spark, Supplier<T> work) {
    String projections = spark.getLocalProperty(FACTORY_MODE);
    spark.setLocalProperty(FACTORY_MODE, INTERPRETED);
    try {
      return work.get();
    } finally {
      spark.setLocalProperty(FACTORY_MODE, projections);
    }
  }
}
