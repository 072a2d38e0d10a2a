package org.tashil.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.run.WarehouseLock.HeldException;

/**
 * The warehouse lock on a shared file system (HDFS, S3): the files and the protocol that {@link
 * WarehouseLock} describes. Made by {@link #acquire}, which takes the lock or throws {@link
 * HeldException}; {@link #release} gives it back.
 */
final class SharedLock {

  /** The longest time between two heartbeats; a quarter of the stale setting when that is less. */
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);

  /** The heartbeats and claims of earlier holders that a holder removes, by their age. */
  static final Duration LEFTOVERS_KEPT = Duration.ofDays(1);

  /** How long a release waits for a run that is taking the lock over at that moment. */
  private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(5);

  /** How often an acquisition looks again when the lock changed while it looked. */
  private static final int ROUNDS = 5;

  /** The claims on one token that an acquisition tries, each once the one before is abandoned. */
  private static final int MOST_CLAIMS = 20;

  private final FileSystem fs;
  private final Path lock;
  private final LockHolder holder;
  private final Duration staleAfter;

  /** How long an earlier Tashil's lock, which had no heartbeat, stood before it was stale. */
  static final Duration EARLIER_STALE_AFTER = Duration.ofHours(12);

  private final String thisHost;
  private final Consumer<String> warnings;
  private final Heartbeat heartbeat;
  private String takenOver;

  private SharedLock(
      FileSystem fs, Path lock, LockHolder holder, Duration staleAfter, Consumer<String> warnings) {
    this.fs = fs;
    this.lock = lock;
    this.holder = holder;
    this.staleAfter = staleAfter;
    this.thisHost = RunLog.host();
    this.warnings = warnings;
    this.heartbeat = new Heartbeat();
  }

  /**
   * Takes the lock {@code lock} for {@code holder}, taking over one whose heartbeat is older than
   * {@code staleAfter} (and whose process ended, when it ran on this machine), or throws {@link
   * HeldException} naming its holder.
   */
  static SharedLock acquire(
      FileSystem fs, Path lock, LockHolder holder, Duration staleAfter, Consumer<String> warnings)
      throws IOException {
    SharedLock shared = new SharedLock(fs, lock, holder, staleAfter, warnings);
    shared.take();
    return shared;
  }

  /** The line of the lock this one took over, if it took one over. */
  Optional<String> takenOver() {
    return Optional.ofNullable(takenOver);
  }

  /** Stops the heartbeat, as a run that hangs would stop it (tests). */
  void stopHeartbeat() {
    heartbeat.stop();
  }

  /**
   * The run that holds the lock now, when it is no longer this holder (another run took it over
   * while this one was paused past the stale setting), or empty while it is this holder's.
   */
  Optional<String> lostTo() throws IOException {
    Found current = read(lock, false);
    if (current == null) {
      return Optional.of("no run: the lock is gone");
    }
    return current.key().equals(holder.token()) ? Optional.empty() : Optional.of(describe(current));
  }

  /**
   * Stops the heartbeat and removes the lock if it still names this holder; a lock another run took
   * over is left to it, with a warning naming that run.
   */
  void release() throws IOException {
    heartbeat.stop();
    long deadline = System.nanoTime() + RELEASE_PATIENCE.toNanos();
    while (true) {
      Found current = read(lock, false);
      if (current == null) {
        warnings.accept(
            "tashil: the warehouse lock "
                + lock
                + " was gone when this run released it (taken over by another run and released,"
                + " or removed by hand)");
        break;
      }
      if (!current.key().equals(holder.token())) {
        warnings.accept(
            "tashil: another run took over the warehouse lock "
                + lock
                + " while this run held it ("
                + describe(current)
                + "); it is left to that run");
        break;
      }
      // With the claim on its own token, no run can take the lock over between the check and the
      // delete; one that read the lock before finds the token gone.
      Optional<Path> claim = claim(holder.token());
      if (claim.isPresent()) {
        Found confirmed = read(lock, false);
        if (confirmed != null && confirmed.key().equals(holder.token())) {
          fs.delete(lock, false);
          break;
        }
        continue;
      }
      if (System.nanoTime() > deadline) {
        warnings.accept(
            "tashil: left the warehouse lock "
                + lock
                + " to a run that is taking it over (it claimed it while this run released it)");
        break;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        warnings.accept("tashil: interrupted while releasing the warehouse lock " + lock);
        break;
      }
    }
    fs.delete(heartbeatFile(holder.token()), false);
  }

  private void take() throws IOException {
    for (int round = 0; round < ROUNDS; round++) {
      if (createNew(lock)) {
        start();
        return;
      }
      Found current = read(lock, true);
      if (current == null) {
        continue; // released meanwhile
      }
      if (!stale(current)) {
        throw held(describe(current));
      }
      Optional<Path> claim = claim(current.key());
      if (claim.isEmpty()) {
        Found now = read(lock, true);
        if (now != null && now.key().equals(current.key())) {
          throw held("another run is taking over the lock of " + describe(current));
        }
        continue;
      }
      Found confirmed = read(lock, true);
      if (confirmed == null || !confirmed.key().equals(current.key()) || !stale(confirmed)) {
        // The lock changed, or its holder beat again, after it was found stale: the claim is void.
        fs.delete(claim.get(), false);
        if (confirmed != null && confirmed.key().equals(current.key())) {
          throw held(describe(confirmed));
        }
        continue;
      }
      fs.delete(lock, false);
      if (!createNew(lock)) {
        Found winner = read(lock, true);
        throw held(winner == null ? "another process" : describe(winner));
      }
      takenOver = current.line().isBlank() ? "an unnamed holder" : current.line();
      start();
      return;
    }
    throw held("the lock changed hands " + ROUNDS + " times while this run tried to take it");
  }

  /** The first heartbeat, the heartbeat thread, and the removal of earlier holders' files. */
  private void start() {
    heartbeat.beat();
    heartbeat.thread.start();
    removeLeftovers();
  }

  /**
   * Creates the first claim on {@code key} that no run made, passing over claims whose claimants
   * are stale (died half way); none when a live run claimed it.
   */
  private Optional<Path> claim(String key) throws IOException {
    for (int number = 1; number <= MOST_CLAIMS; number++) {
      Path claim = claimFile(key, number);
      if (createNew(claim)) {
        return Optional.of(claim);
      }
      Found claimant = read(claim, false);
      if (claimant == null || !stale(claimant)) {
        return Optional.empty(); // claimed now, or given up because the holder beat again
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a lock (or a claim) may be taken over: its heartbeat is older than the setting, and it
   * names a process of another machine or one of this machine that has ended. A file that names no
   * holder is judged by its heartbeat alone; one of an earlier Tashil by the 12 hours it had.
   */
  private boolean stale(Found found) {
    // An earlier Tashil's lock (a holder with no token) had no heartbeat: its holder may be a long
    // run of another machine that never refreshed it, taken over then only after 12 hours.
    boolean earlier = found.holder().map(named -> !named.hasToken()).orElse(false);
    Duration after =
        earlier && staleAfter.compareTo(EARLIER_STALE_AFTER) < 0 ? EARLIER_STALE_AFTER : staleAfter;
    if (System.currentTimeMillis() - found.heartbeat() <= after.toMillis()) {
      return false;
    }
    return found
        .holder()
        .map(named -> !named.host().equals(thisHost) || named.processEnded())
        .orElse(true);
  }

  /**
   * Creates {@code path} holding this holder's line, unless it exists: HDFS creates without
   * overwriting atomically, S3A with a conditional put ({@code If-None-Match}).
   */
  private boolean createNew(Path path) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      out.write(holder.line().getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // S3A learns that a conditional put lost to another writer when the stream closes, and says
      // so with another exception (RemoteFileChangedException, for 412 Precondition Failed).
      Found there = read(path, false);
      if (there != null && !there.line().equals(holder.line())) {
        return false;
      }
      throw e;
    }
    return true;
  }

  /**
   * A lock or claim file as it is now, or null when there is none; with its holder's heartbeat when
   * {@code withHeartbeat}, else its own modification time as the heartbeat.
   */
  private Found read(Path file, boolean withHeartbeat) throws IOException {
    String line;
    FileStatus status;
    try (InputStream in = fs.open(file)) {
      line = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      // after the content: a file replaced in between has the later time, so it only looks fresher
      status = fs.getFileStatus(file);
    } catch (FileNotFoundException e) {
      return null;
    }
    Optional<LockHolder> named = LockHolder.parse(line);
    long heartbeatTime = status.getModificationTime();
    if (withHeartbeat && named.isPresent() && named.get().hasToken()) {
      try {
        heartbeatTime =
            Math.max(
                heartbeatTime,
                fs.getFileStatus(heartbeatFile(named.get().token())).getModificationTime());
      } catch (FileNotFoundException e) {
        // no heartbeat yet: the lock's own time is its first
      }
    }
    return new Found(line, named, status.getModificationTime(), heartbeatTime);
  }

  private void removeLeftovers() {
    long now = System.currentTimeMillis();
    String prefix = WarehouseLock.FILE + ".";
    try {
      for (FileStatus file :
          fs.listStatus(lock.getParent(), path -> path.getName().startsWith(prefix))) {
        String name = file.getPath().getName();
        if (!name.startsWith(prefix + holder.token() + ".")
            && now - file.getModificationTime() > LEFTOVERS_KEPT.toMillis()) {
          fs.delete(file.getPath(), false);
        }
      }
    } catch (IOException e) {
      warnings.accept(
          "tashil: could not remove old heartbeat and claim files beside " + lock + ": " + e);
    }
  }

  private Path heartbeatFile(String token) {
    return new Path(lock.getParent(), WarehouseLock.FILE + "." + token + ".alive");
  }

  private Path claimFile(String key, int number) {
    return new Path(lock.getParent(), WarehouseLock.FILE + "." + key + ".takeover." + number);
  }

  private String describe(Found found) {
    long seconds = Math.max(0, (System.currentTimeMillis() - found.heartbeat()) / 1000);
    return (found.line().isBlank() ? "an unnamed holder" : found.line())
        + ", last heartbeat "
        + seconds
        + " s ago";
  }

  private HeldException held(String holderText) {
    return new HeldException(WarehouseLock.heldMessage(lock.getParent().toString(), holderText));
  }

  /**
   * A lock or claim file: its line, the holder the line names (none when it is empty or half
   * written), its modification time and its holder's last heartbeat.
   */
  private record Found(String line, Optional<LockHolder> holder, long modified, long heartbeat) {

    /**
     * What claims on this lock are named by: its token, else (a lock of an earlier Tashil, or one
     * whose holder died before writing it) its modification time.
     */
    String key() {
      return holder
          .filter(LockHolder::hasToken)
          .map(LockHolder::token)
          .orElse("unnamed-" + modified);
    }
  }

  /**
   * Rewrites {@code _tashil.lock.<token>.alive} every {@link #HEARTBEAT_EVERY} (or a quarter of the
   * stale setting), from a daemon thread; only this holder writes that file.
   */
  private final class Heartbeat {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private boolean failing;

    Heartbeat() {
      thread = new Thread(this::run, "tashil warehouse lock heartbeat");
      thread.setDaemon(true);
    }

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
      long every = Math.max(1, Math.min(HEARTBEAT_EVERY.toMillis(), staleAfter.toMillis() / 4));
      try {
        while (!stopped.await(every, TimeUnit.MILLISECONDS)) {
          beat();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void beat() {
      Path file = heartbeatFile(holder.token());
      try (OutputStream out = fs.create(file, true)) {
        out.write((holder.line() + " beat=" + Instant.now()).getBytes(StandardCharsets.UTF_8));
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
}
