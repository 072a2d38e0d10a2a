package org.tashil.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One writer per warehouse (contract §7): {@code <warehouse>/_tashil.lock} names the holder (its
 * command, host, process, start and a token drawn for this acquisition, see {@link LockHolder}).
 *
 * <p><b>A local warehouse.</b> The file is also locked by the operating system, which lets the lock
 * go when its process dies, however it dies: a lock left by a killed run is recognised by that and
 * taken over at once. The stale setting plays no part there.
 *
 * <p><b>A shared file system</b> (HDFS, S3: any warehouse {@link org.tashil.spark.Locations#local}
 * does not place on this machine) has no such lock, so the lock is made of files ({@link
 * SharedLock}), each created without overwriting ({@code fs.create(path, false)}: atomic on HDFS, a
 * conditional put on S3), so that of two runs creating one file exactly one succeeds:
 *
 * <ul>
 *   <li>{@code _tashil.lock}, the lock, holding the holder's line;
 *   <li>{@code _tashil.lock.<token>.alive}, the holder's heartbeat: rewritten every 30 seconds (a
 *       quarter of the stale setting when that is less) from a daemon thread, its modification time
 *       is the heartbeat. It is the holder's own file, which no other run writes: refreshing the
 *       lock file itself would be a write racing with a run that takes the lock over, and could put
 *       back a lock that is no longer the holder's;
 *   <li>{@code _tashil.lock.<token>.takeover.<n>}, a claim to take over the lock of that token.
 * </ul>
 *
 * <p>A lock is <b>stale</b> when its heartbeat is older than the stale setting ({@code
 * --lock-stale-after}, 10 minutes by default) and, when its holder ran on this machine, its process
 * has ended. A live process of this machine is never taken over, however old its heartbeat (it may
 * be stopped, swapped out or hung in a call that will return); one of another machine cannot be
 * asked, so its heartbeat alone decides. On this machine the heartbeat must have stopped too,
 * because a host name does not prove one machine (containers may be given one name): a run killed
 * on the machine of the next one is taken over after the setting, not at once as on a local disk.
 *
 * <p><b>Taking over</b> is atomic: a contender that finds the lock stale creates the claim {@code
 * takeover.1} on its token, and only the one whose creation succeeds goes on. Under the claim it
 * reads the lock again and goes on only if it names the same token and is still stale (else the
 * holder beat again, or the lock changed hands: it deletes its claim and gives up, or looks again);
 * it deletes the lock and creates its own, again without overwriting, so that a run arriving in
 * between, which finds no lock and creates one, wins and the contender gets {@link HeldException}.
 * Claims are left in place, so that a contender that read the old lock long before cannot claim its
 * token again; a claim whose own claimant is stale (it died half way) is passed by claiming {@code
 * takeover.2}, and so on. A holder removes the heartbeats and claims of other tokens once they are
 * a day old.
 *
 * <p><b>Release</b> stops the heartbeat, claims the holder's own token (so that no run takes the
 * lock over between the check and the delete) and deletes the lock only if it still names that
 * token; a lock another run took over is left to that run, with a warning naming it. Then it
 * deletes its heartbeat.
 *
 * <p>What it rests on: a heartbeat's age is the file system's modification time against the
 * reader's clock, so the machines' clocks must agree to well within the setting; and a run of
 * another machine stopped for longer than the setting is taken over while it still runs (as a lease
 * is), which it learns when it releases the lock.
 */
public final class WarehouseLock implements AutoCloseable {

  static final String FILE = "_tashil.lock";

  /** Another process holds the lock: exit 75 with this message. */
  public static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  private final String describe;
  private final FileChannel channel;
  private final FileLock osLock;
  private final SharedLock shared;
  private final String takenOver;

  private WarehouseLock(
      String describe, FileChannel channel, FileLock osLock, SharedLock shared, String takenOver) {
    this.describe = describe;
    this.channel = channel;
    this.osLock = osLock;
    this.shared = shared;
    this.takenOver = takenOver;
  }

  /**
   * Takes the warehouse's lock, or throws {@link HeldException} naming its holder. On a shared file
   * system a lock whose heartbeat is older than {@code staleAfter} is taken over (if its holder ran
   * on this machine, only once its process has ended); a local warehouse's lock is the operating
   * system's, and {@code staleAfter} plays no part.
   */
  public static WarehouseLock acquire(
      String warehouse, String command, Configuration hadoop, Duration staleAfter) {
    return acquire(warehouse, command, hadoop, staleAfter, RunLog.host(), System.err::println);
  }

  /**
   * As {@link #acquire(String, String, Configuration, Duration)}, naming {@code host} as the
   * holder's machine and giving warnings (a lock taken over while held) to {@code warnings}.
   */
  static WarehouseLock acquire(
      String warehouse,
      String command,
      Configuration hadoop,
      Duration staleAfter,
      String host,
      Consumer<String> warnings) {
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("the stale setting must be positive, not " + staleAfter);
    }
    String root = warehouse.replaceAll("/+$", "");
    LockHolder holder = LockHolder.current(command, host);
    try {
      Optional<java.nio.file.Path> local = org.tashil.spark.Locations.local(root);
      if (local.isPresent()) {
        return acquireLocal(local.get(), holder);
      }
      Path path = new Path(root + "/" + FILE);
      SharedLock shared =
          SharedLock.acquire(path.getFileSystem(hadoop), path, holder, staleAfter, warnings);
      WarehouseLock lock =
          new WarehouseLock(path.toString(), null, null, shared, shared.takenOver().orElse(null));
      HELD.put(root, lock);
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException("could not lock the warehouse " + root + ": " + e, e);
    }
  }

  /** The locks this process holds, by warehouse. */
  private static final java.util.Map<String, WarehouseLock> HELD =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Throws {@link HeldException} when this process took the warehouse's lock and another run has
   * since taken it over (a run paused past the stale setting on a shared file system): what this
   * run wrote is then not to be published. Does nothing for a warehouse this process did not lock,
   * or locks by the operating system (which no run takes over while its holder lives).
   */
  public static void requireHeld(String warehouse) {
    WarehouseLock lock = HELD.get(warehouse.replaceAll("/+$", ""));
    if (lock == null || lock.shared == null) {
      return;
    }
    Optional<String> successor;
    try {
      successor = lock.shared.lostTo();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the warehouse lock " + lock.describe, e);
    }
    if (successor.isPresent()) {
      throw new HeldException(
          "another run took over the warehouse lock "
              + lock.describe
              + " while this run was paused past its heartbeat ("
              + successor.get()
              + "); this run's last writes are not published, and the next run undoes them");
    }
  }

  /** The holder a lock left by a dead or stale run named, when this lock took it over. */
  public Optional<String> takenOver() {
    return Optional.ofNullable(takenOver);
  }

  @Override
  public String toString() {
    return describe;
  }

  @Override
  public void close() {
    HELD.values().remove(this);
    try {
      if (osLock != null) {
        channel.truncate(0);
        osLock.release();
        channel.close();
      } else {
        shared.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not release the warehouse lock " + describe, e);
    }
  }

  /** Stops a shared lock's heartbeat, as a run that hangs would stop it (tests). */
  void stopHeartbeat() {
    if (shared != null) {
      shared.stopHeartbeat();
    }
  }

  private static WarehouseLock acquireLocal(java.nio.file.Path root, LockHolder holder)
      throws IOException {
    Files.createDirectories(root);
    java.nio.file.Path file = root.resolve(FILE);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // this very process holds it
    }
    String previous = read(channel);
    if (lock == null) {
      channel.close();
      throw new HeldException(heldMessage(root.toString(), previous));
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder.line().getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    return new WarehouseLock(
        file.toString(), channel, lock, null, previous.isBlank() ? null : previous);
  }

  static String heldMessage(String root, String holder) {
    return "another run holds the warehouse "
        + root
        + " ("
        + (holder.isBlank() ? "a process of this machine" : holder)
        + "); try again when it has finished";
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }
}
