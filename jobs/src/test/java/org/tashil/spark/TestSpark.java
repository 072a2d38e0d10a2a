package org.tashil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.junit.jupiter.api.Test;

class TestSpark {

  /** Rows of a one-stage query whose generated code holds {@code factor}: new code per factor. */
  private static Dataset<Row> multiples(SparkSession spark, long factor) {
    return spark.range(0, 1000, 1, 2).selectExpr("id * " + factor + " AS x").where("x % 7 = 0");
  }

  @Test
  void aStagesGeneratedCodeIsCompiledOnceNotAgainByItsTasks() {
    // The tests' session, as Spark.session hands it to the thread that asks.
    SparkSession spark = Spark.session("tashil tests", "local[2]");
    // What does not depend on the factor (turning the rows into Java objects) compiled first.
    assertThat(multiples(spark, 3).collectAsList()).hasSize(143);

    // A factor new to this JVM, and not a multiple of 7 (1,000,003 leaves 4).
    long factor = 1_000_003L + 7 * (System.nanoTime() % 1_000);
    Dataset<Row> rows = multiples(spark, factor);
    java.util.concurrent.atomic.AtomicLong stages = new java.util.concurrent.atomic.AtomicLong();
    rows.queryExecution()
        .executedPlan()
        .foreach(
            plan -> {
              if (plan instanceof WholeStageCodegenExec) {
                stages.incrementAndGet();
              }
              return scala.runtime.BoxedUnit.UNIT;
            });
    long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
    List<Row> collected = rows.collectAsList();
    long compiled = CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before;

    assertThat(collected).hasSize(143);
    assertThat(stages.get()).isEqualTo(1);
    // Compiled by the driver when it planned the stage; its two tasks found it compiled.
    assertThat(compiled).isEqualTo(stages.get());
  }
}
