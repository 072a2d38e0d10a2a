package org.tashil.spark;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * What the session's tasks spilled: the bytes sorts and aggregations moved out of memory to make
 * room (memory) and wrote to disk doing so, summed over every task that ended since the session's
 * counter was made. One counter (one listener) per Spark context, however often it is asked for:
 * readers take differences. The listener bus delivers task ends a little after they happen; a
 * stage's figure is read once its jobs have ended.
 */
public final class Spills {

  private static final Map<SparkContext, Spills> COUNTERS = new WeakHashMap<>();

  private final AtomicLong memoryBytes = new AtomicLong();
  private final AtomicLong diskBytes = new AtomicLong();

  private Spills() {}

  /** The session's counter of spills, started when first asked for. */
  public static synchronized Spills count(SparkSession spark) {
    return COUNTERS.computeIfAbsent(spark.sparkContext(), Spills::listenTo);
  }

  private static Spills listenTo(SparkContext context) {
    Spills spills = new Spills();
    context.addSparkListener(
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
              spills.memoryBytes.addAndGet(end.taskMetrics().memoryBytesSpilled());
              spills.diskBytes.addAndGet(end.taskMetrics().diskBytesSpilled());
            }
          }
        });
    return spills;
  }

  /** The bytes spilled from memory so far. */
  public long memoryBytes() {
    return memoryBytes.get();
  }

  /** The bytes written to disk by spills so far. */
  public long diskBytes() {
    return diskBytes.get();
  }
}
