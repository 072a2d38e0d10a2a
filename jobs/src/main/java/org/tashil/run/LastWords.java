package org.tashil.run;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tashil.spark.TaskErrors;

/**
 * A period's failed record, written however the run ends: by an exception, or by the JVM ending
 * under it, after a task's fatal error in local mode (Spark's executor ends the JVM, exit code 52,
 * on an {@link OutOfMemoryError} in a task) or a signal (cron's timeout, a shutdown). A shutdown
 * hook armed for the length of the run writes the record when the run has not, and after a task's
 * fatal error ends the JVM with exit code 1, as any failed run. It runs after Spark's own hooks
 * (the session is stopped) and before Hadoop closes its file systems, which the record is written
 * with. The record is written once: by the run or by the hook, whichever comes first, the other
 * waiting.
 */
public final class LastWords implements AutoCloseable {

  /** After Spark's hooks (priority 40: they stop the session), before the file systems close. */
  private static final int PRIORITY = org.apache.hadoop.fs.FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;

  private final Consumer<String> failedRecord;
  private final Runnable hook = this::onShutdown;
  private static final String STOPPED = "the run was stopped (a signal) before its end";

  private boolean armed = true;
  private boolean said;
  private boolean settled;

  private LastWords(Consumer<String> failedRecord) {
    this.failedRecord = failedRecord;
    org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(hook, PRIORITY);
  }

  /** Arms the hook: until the run has written its record, an end of the JVM writes a failed one. */
  public static LastWords arm(Consumer<String> failedRecord) {
    return new LastWords(failedRecord);
  }

  /** The run ended well: writes its record (the hook waits meanwhile, and writes none after it). */
  public synchronized <T> T succeeded(Supplier<T> record) {
    T written = record.get();
    armed = false;
    settled = true;
    return written;
  }

  /**
   * The run failed with {@code failure}: writes the failed record (unless the hook has) and returns
   * its message, which names what to raise when the run ran out of memory, and says that the run
   * was stopped when the JVM is ending (Spark's jobs then fail because its session was stopped).
   */
  public synchronized String failed(Throwable failure) {
    Optional<String> fatal = TaskErrors.fatal().or(() -> outOfMemory(failure));
    String why =
        fatal
            .map(LastWords::describe)
            .orElseGet(
                () ->
                    org.apache.hadoop.util.ShutdownHookManager.get().isShutdownInProgress()
                        ? STOPPED
                        : String.valueOf(
                            failure.getMessage() != null ? failure.getMessage() : failure));
    if (armed) {
      failedRecord.accept(why);
      armed = false;
    }
    if (TaskErrors.fatal().isPresent()) {
      // The JVM is ending (Spark's executor called exit): the hook ends it before the command
      // line could say why.
      said = true;
      System.err.println("tashil: " + why);
    }
    return why;
  }

  private void onShutdown() {
    Optional<String> fatal = TaskErrors.fatal();
    synchronized (this) {
      String why = fatal.map(LastWords::describe).orElse(STOPPED);
      if (armed) {
        armed = false;
        try {
          failedRecord.accept(why);
        } catch (RuntimeException e) {
          System.err.println("tashil: could not write the failed run's record: " + e);
        }
      }
      if (!said && (fatal.isPresent() || !settled)) {
        System.err.println("tashil: " + why);
      }
    }
    if (fatal.isPresent()) {
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  @Override
  public void close() {
    if (!org.apache.hadoop.util.ShutdownHookManager.get().isShutdownInProgress()) {
      org.apache.hadoop.util.ShutdownHookManager.get().removeShutdownHook(hook);
    }
  }

  /**
   * Whether the failure is a fatal error, or a job failed by one, of which a run says {@link
   * #describe}.
   */
  public static boolean isFatal(Throwable failure) {
    return failure instanceof Error
        || TaskErrors.fatal().isPresent()
        || outOfMemory(failure).isPresent();
  }

  /**
   * A message for a run ended by running out of memory, or by another fatal error: what happened,
   * and what to raise.
   */
  static String describe(String error) {
    if (!error.contains(OutOfMemoryError.class.getName())) {
      return "a task failed with a fatal error (" + error + ")";
    }
    return String.format(
        Locale.ROOT,
        "the run ran out of memory (%s); raise TASHIL_HEAP, the Java heap of a local run (now %d"
            + " MiB), and run again; on a cluster, raise spark.executor.memory",
        error,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** The out-of-memory error among a failure's causes (a job whose task ran out), if any. */
  static Optional<String> outOfMemory(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return Optional.of(cause.toString());
      }
      if (cause.getMessage() != null
          && cause.getMessage().contains(OutOfMemoryError.class.getName())) {
        return Optional.of(OutOfMemoryError.class.getName());
      }
    }
    return Optional.empty();
  }
}
