package org.tashil.run;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.run.WarehouseLock.HeldException;

/**
 * The warehouse lock on a shared file system (HDFS, S3): the protocol that {@link WarehouseLock}
 * describes, taking the lock, taking a stale one over and releasing it, over the files of {@link
 * LockFiles} while a {@link LockHeartbeat} beats. Made by {@link #acquire}, which takes the lock or
 * throws {@link HeldException}; {@link #release} gives it back.
 */
final class SharedLock {

  /** How long a release waits for a run that is taking the lock over at that moment. */
  private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(5);

  /** How often an acquisition looks again when the lock changed while it looked. */
  private static final int ROUNDS = 5;

  /** The claims on one token that an acquisition tries, each once the one before is abandoned. */
  private static final int MOST_CLAIMS = 20;

  /** How long an earlier Tashil's lock, which had no heartbeat, stood before it was stale. */
  static final Duration EARLIER_STALE_AFTER = Duration.ofHours(12);

  private final LockFiles files;
  private final Path lock;
  private final LockHolder holder;
  private final Duration staleAfter;
  private final String thisHost;
  private final Consumer<String> warnings;
  private final LockHeartbeat heartbeat;
  private String takenOver;

  private SharedLock(
      FileSystem fs, Path lock, LockHolder holder, Duration staleAfter, Consumer<String> warnings) {
    this.files = new LockFiles(fs, lock, holder);
    this.lock = lock;
    this.holder = holder;
    this.staleAfter = staleAfter;
    this.thisHost = RunLog.host();
    this.warnings = warnings;
    this.heartbeat =
        new LockHeartbeat(fs, files.heartbeat(holder.token()), holder.line(), staleAfter, warnings);
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
    LockFile current = files.read(lock);
    if (current == null) {
      return Optional.of("no run: the lock is gone");
    }
    return current.key().equals(holder.token())
        ? Optional.empty()
        : Optional.of(current.describe());
  }

  /**
   * Stops the heartbeat and removes the lock if it still names this holder; a lock another run took
   * over is left to it, with a warning naming that run.
   */
  void release() throws IOException {
    heartbeat.stop();
    long deadline = System.nanoTime() + RELEASE_PATIENCE.toNanos();
    while (true) {
      LockFile current = files.read(lock);
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
                + current.describe()
                + "); it is left to that run");
        break;
      }
      // With the claim on its own token, no run can take the lock over between the check and the
      // delete; one that read the lock before finds the token gone.
      Optional<Path> claim = claim(holder.token());
      if (claim.isPresent()) {
        LockFile confirmed = files.read(lock);
        if (confirmed != null && confirmed.key().equals(holder.token())) {
          files.delete(lock);
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
    files.delete(files.heartbeat(holder.token()));
  }

  private void take() throws IOException {
    for (int round = 0; round < ROUNDS; round++) {
      if (files.createNew(lock)) {
        start();
        return;
      }
      LockFile current = files.readWithHeartbeat(lock);
      if (current == null) {
        continue; // released meanwhile
      }
      if (!stale(current)) {
        throw held(current.describe());
      }
      Optional<Path> claim = claim(current.key());
      if (claim.isEmpty()) {
        LockFile now = files.readWithHeartbeat(lock);
        if (now != null && now.key().equals(current.key())) {
          throw held("another run is taking over the lock of " + current.describe());
        }
        continue;
      }
      LockFile confirmed = files.readWithHeartbeat(lock);
      if (confirmed == null || !confirmed.key().equals(current.key()) || !stale(confirmed)) {
        // The lock changed, or its holder beat again, after it was found stale: the claim is void.
        files.delete(claim.get());
        if (confirmed != null && confirmed.key().equals(current.key())) {
          throw held(confirmed.describe());
        }
        continue;
      }
      files.delete(lock);
      if (!files.createNew(lock)) {
        LockFile winner = files.readWithHeartbeat(lock);
        throw held(winner == null ? "another process" : winner.describe());
      }
      takenOver = current.line().isBlank() ? "an unnamed holder" : current.line();
      start();
      return;
    }
    throw held("the lock changed hands " + ROUNDS + " times while this run tried to take it");
  }

  /** The first heartbeat, the heartbeat thread, and the removal of earlier holders' files. */
  private void start() {
    heartbeat.start();
    files.removeLeftovers(warnings);
  }

  /**
   * Creates the first claim on {@code key} that no run made, passing over claims whose claimants
   * are stale (died half way); none when a live run claimed it.
   */
  private Optional<Path> claim(String key) throws IOException {
    for (int number = 1; number <= MOST_CLAIMS; number++) {
      Path claim = files.claim(key, number);
      if (files.createNew(claim)) {
        return Optional.of(claim);
      }
      LockFile claimant = files.read(claim);
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
  private boolean stale(LockFile found) {
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

  private HeldException held(String holderText) {
    return new HeldException(WarehouseLock.heldMessage(lock.getParent().toString(), holderText));
  }
}
