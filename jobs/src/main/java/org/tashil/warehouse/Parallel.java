package org.tashil.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Independent table reads, writes and small Spark jobs run side by side, and waited for together:
 * most of a small table's read or write is fixed work on the driver (its Delta log, planning, the
 * commit), which overlaps another's tasks.
 *
 * <p>Each call starts its own threads, so that they inherit the caller's thread-local state: the
 * open commit group ({@link Warehouse#group}) and Spark's local properties. The first failure is
 * rethrown as it was thrown, once every task has ended; none is left running behind the caller.
 */
public final class Parallel {

  /** How many tasks run at once: enough to overlap the driver's work with the tasks of another. */
  static final int AT_ONCE = 3;

  private Parallel() {}

  /** Runs every task, and returns once all have ended. */
  public static void run(List<Runnable> tasks) {
    all(
        tasks.stream()
            .<Supplier<Void>>map(
                task ->
                    () -> {
                      task.run();
                      return null;
                    })
            .toList());
  }

  /** Computes every value, in the order of {@code tasks}. */
  public static <T> List<T> all(List<Supplier<T>> tasks) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, tasks.size()));
    try {
      List<CompletableFuture<T>> running = new ArrayList<>();
      tasks.forEach(task -> running.add(CompletableFuture.supplyAsync(task, pool)));
      RuntimeException failure = null;
      List<T> values = new ArrayList<>();
      for (CompletableFuture<T> task : running) {
        try {
          values.add(task.join());
        } catch (CompletionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof RuntimeException thrown
                    ? thrown
                    : e.getCause() instanceof Error error ? rethrow(error) : e;
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
      return values;
    } finally {
      pool.shutdown();
    }
  }

  /** Computes a value for each key, side by side: a map in the keys' order. */
  public static <K, V> Map<K, V> each(List<K> keys, Function<K, V> value) {
    List<V> values = all(keys.stream().<Supplier<V>>map(key -> () -> value.apply(key)).toList());
    Map<K, V> byKey = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      byKey.put(keys.get(i), values.get(i));
    }
    return byKey;
  }

  private static RuntimeException rethrow(Error error) {
    throw error;
  }
}
