package org.tashil.spark;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Remembers the first fatal error of a task in local mode ({@code spark.plugins}). Spark's executor
 * ends the JVM on such an error ({@code System.exit(52)} for an {@link OutOfMemoryError}) right
 * after it has told its plugins, so the run's own error handling never sees it: what ends the run
 * then ({@link org.tashil.run.LastWords}) reads it here to say why.
 */
public final class TaskErrors implements SparkPlugin {

  private static final AtomicReference<String> FATAL = new AtomicReference<>();

  /** The first fatal error of a task in this JVM, as {@code class: message}. */
  public static Optional<String> fatal() {
    return Optional.ofNullable(FATAL.get());
  }

  @Override
  public DriverPlugin driverPlugin() {
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new ExecutorPlugin() {
      @Override
      public void init(PluginContext context, Map<String, String> extraConf) {}

      @Override
      public void onTaskFailed(TaskFailedReason reason) {
        if (reason instanceof ExceptionFailure failure) {
          fatalError(failure).ifPresent(error -> FATAL.compareAndSet(null, error));
        }
      }
    };
  }

  /**
   * The error after which Spark's executor ends the JVM, in the failure or its causes (a write
   * wraps its task's error): a virtual machine error (out of memory, stack overflow), as Spark's
   * {@code isFatalError} tells them, but Spark's own out-of-memory error of a task's memory
   * manager, after which the executor goes on. As {@code class: message}.
   */
  private static Optional<String> fatalError(ExceptionFailure failure) {
    if (failure.exception().isDefined()) {
      for (Throwable cause = failure.exception().get(); cause != null; cause = cause.getCause()) {
        if (cause instanceof VirtualMachineError
            && !cause.getClass().getName().equals(SPARK_OUT_OF_MEMORY)) {
          return Optional.of(cause.toString());
        }
      }
      return Optional.empty();
    }
    // The failure as text only (its exception could not be kept): its causes' lines.
    java.util.regex.Matcher error =
        java.util.regex.Pattern.compile(
                "java\\.lang\\.(OutOfMemoryError|StackOverflowError|InternalError)[^\\n]*")
            .matcher(failure.className() + "\n" + failure.fullStackTrace());
    return error.find() ? Optional.of(error.group()) : Optional.empty();
  }

  private static final String SPARK_OUT_OF_MEMORY = "org.apache.spark.memory.SparkOutOfMemoryError";
}
