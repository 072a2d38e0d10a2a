package org.tashil.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a {@link SharedLock}, all beside the lock ({@code _tashil.lock}): each holder's
 * heartbeat ({@code .<token>.alive}) and the claims on a lock being taken over ({@code
 * .<key>.takeover.<n>}). A lock or claim file holds its holder's line and is created without
 * overwriting, so that of two runs creating one, exactly one succeeds.
 */
final class LockFiles {

  /** The heartbeats and claims of earlier holders that a holder removes, by their age. */
  static final Duration LEFTOVERS_KEPT = Duration.ofDays(1);

  private final FileSystem fs;
  private final Path lock;
  private final LockHolder holder;

  LockFiles(FileSystem fs, Path lock, LockHolder holder) {
    this.fs = fs;
    this.lock = lock;
    this.holder = holder;
  }

  /** The lock file itself. */
  Path lock() {
    return lock;
  }

  /** The heartbeat of the holder whose token is {@code token}. */
  Path heartbeat(String token) {
    return new Path(lock.getParent(), WarehouseLock.FILE + "." + token + ".alive");
  }

  /** The claim number {@code number} on the lock whose key is {@code key}. */
  Path claim(String key, int number) {
    return new Path(lock.getParent(), WarehouseLock.FILE + "." + key + ".takeover." + number);
  }

  /**
   * Creates {@code path} holding this holder's line, unless it exists: HDFS creates without
   * overwriting atomically, S3A with a conditional put ({@code If-None-Match}).
   */
  boolean createNew(Path path) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      out.write(holder.line().getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // S3A learns that a conditional put lost to another writer when the stream closes, and says
      // so with another exception (RemoteFileChangedException, for 412 Precondition Failed).
      LockFile there = read(path);
      if (there != null && !there.line().equals(holder.line())) {
        return false;
      }
      throw e;
    }
    return true;
  }

  /** A lock or claim file as it is now, with its own modification time as the heartbeat. */
  LockFile read(Path file) throws IOException {
    return read(file, false);
  }

  /** A lock or claim file as it is now, with its holder's heartbeat when that is later. */
  LockFile readWithHeartbeat(Path file) throws IOException {
    return read(file, true);
  }

  /** Null when there is no such file. */
  private LockFile read(Path file, boolean withHeartbeat) throws IOException {
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
                fs.getFileStatus(heartbeat(named.get().token())).getModificationTime());
      } catch (FileNotFoundException e) {
        // no heartbeat yet: the lock's own time is its first
      }
    }
    return new LockFile(line, named, status.getModificationTime(), heartbeatTime);
  }

  void delete(Path file) throws IOException {
    fs.delete(file, false);
  }

  /** Removes the heartbeats and claims of other tokens older than {@link #LEFTOVERS_KEPT}. */
  void removeLeftovers(Consumer<String> warnings) {
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
}
