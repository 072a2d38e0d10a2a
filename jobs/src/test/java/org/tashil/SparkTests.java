package org.tashil;

import org.apache.spark.sql.SparkSession;
import org.tashil.spark.Spark;

/** One local[2] SparkSession per test JVM, shared by every test that needs Spark. */
public final class SparkTests {

  private static SparkSession session;

  private SparkTests() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = Spark.session("tashil tests", "local[2]");
    }
    return session;
  }
}
