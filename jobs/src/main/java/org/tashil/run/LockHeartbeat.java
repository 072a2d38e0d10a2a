package org.tashil.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The heartbeat of a {@link SharedLock}'s holder: its own file ({@code _tashil.lock.<token>.alive})
 * rewritten every {@link #EVERY} (or a quarter of the stale setting when that is less) from a
 * daemon thread. Only this holder writes that file, so a beat never races with a run taking the
 * lock over.
 */
final class LockHeartbeat {

  /** The longest time between two heartbeats; a quarter of the stale setting when that is less. */
  static final Duration EVERY = Duration.ofSeconds(30);

  private final FileSystem fs;
  private final Path file;
  private final String holderLine;
  private final long everyMillis;
  private final Consumer<String> warnings;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private boolean failing;

  LockHeartbeat(
      FileSystem fs, Path file, String holderLine, Duration staleAfter, Consumer<String> warnings) {
    this.fs = fs;
    this.file = file;
    this.holderLine = holderLine;
    this.everyMillis = Math.max(1, Math.min(EVERY.toMillis(), staleAfter.toMillis() / 4));
    this.warnings = warnings;
    this.thread = new Thread(this::run, "tashil warehouse lock heartbeat");
    thread.setDaemon(true);
  }

  /** The first beat, then the thread that beats until {@link #stop}. */
  void start() {
    beat();
    thread.start();
  }

  /** Stops the beats and waits for the thread, unless it is the caller. */
  void stop() {
    stopped.countDown();
    if (thread.isAlive() && thread != Thread.currentThread()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (!stopped.await(everyMillis, TimeUnit.MILLISECONDS)) {
        beat();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void beat() {
    try (OutputStream out = fs.create(file, true)) {
      out.write((holderLine + " beat=" + Instant.now()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (!failing) {
        warnings.accept(
            "tashil: could not write the warehouse lock's heartbeat "
                + file
                + " (tried again every beat): "
                + e);
      }
      failing = true;
      return;
    }
    failing = false;
  }
}
