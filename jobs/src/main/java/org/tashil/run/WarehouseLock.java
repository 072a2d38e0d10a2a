package org.tashil.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per warehouse (contract §7): {@code <warehouse>/_tashil.lock} names the holder (its
 * command, host, process and start). On a local warehouse the file is also locked by the operating
 * system, which lets the lock go when its process dies, however it dies: a lock left by a killed
 * run is recognised by that and taken over. On a shared file system (HDFS, S3) the file's creation
 * is the lock; one left behind is taken over when its holder ran on this host and is gone, or when
 * it is older than {@link #STALE_AFTER_HOURS} hours.
 */
public final class WarehouseLock implements AutoCloseable {

  static final String FILE = "_tashil.lock";
  static final long STALE_AFTER_HOURS = 12;

  /** Another process holds the lock: exit 75 with this message. */
  public static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  private final String describe;
  private final FileChannel channel;
  private final FileLock osLock;
  private final FileSystem fs;
  private final Path path;
  private final String takenOver;

  private WarehouseLock(
      String describe,
      FileChannel channel,
      FileLock osLock,
      FileSystem fs,
      Path path,
      String takenOver) {
    this.describe = describe;
    this.channel = channel;
    this.osLock = osLock;
    this.fs = fs;
    this.path = path;
    this.takenOver = takenOver;
  }

  /** Takes the warehouse's lock, or throws {@link HeldException} naming its holder. */
  public static WarehouseLock acquire(String warehouse, String command, Configuration hadoop) {
    String root = warehouse.replaceAll("/+$", "");
    String holder = holder(command);
    try {
      Optional<java.nio.file.Path> local = org.tashil.spark.Locations.local(root);
      if (local.isPresent()) {
        return acquireLocal(local.get(), holder);
      }
      return acquireShared(new Path(root + "/" + FILE), holder, hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("could not lock the warehouse " + root + ": " + e, e);
    }
  }

  /** The holder a lock left by a dead process named, when this lock took it over. */
  public Optional<String> takenOver() {
    return Optional.ofNullable(takenOver);
  }

  @Override
  public String toString() {
    return describe;
  }

  @Override
  public void close() {
    try {
      if (osLock != null) {
        channel.truncate(0);
        osLock.release();
        channel.close();
      } else {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not release the warehouse lock " + describe, e);
    }
  }

  private static WarehouseLock acquireLocal(java.nio.file.Path root, String holder)
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
    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    return new WarehouseLock(
        file.toString(), channel, lock, null, null, previous.isBlank() ? null : previous);
  }

  private static WarehouseLock acquireShared(Path path, String holder, Configuration hadoop)
      throws IOException {
    FileSystem fs = path.getFileSystem(hadoop);
    String takenOver = null;
    if (fs.exists(path)) {
      String previous;
      try (InputStream in = fs.open(path)) {
        previous = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      long ageMillis = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
      if (!isDead(previous) && ageMillis < STALE_AFTER_HOURS * 3_600_000L) {
        throw new HeldException(heldMessage(path.getParent().toString(), previous));
      }
      fs.delete(path, false);
      takenOver = previous;
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(holder.getBytes(StandardCharsets.UTF_8));
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new HeldException(heldMessage(path.getParent().toString(), "another process"));
    }
    return new WarehouseLock(path.toString(), null, null, fs, path, takenOver);
  }

  /** A holder on this host whose process is gone. */
  private static boolean isDead(String holder) {
    String host = field(holder, "host");
    String pid = field(holder, "pid");
    if (host == null || pid == null || !host.equals(hostName())) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String field(String holder, String name) {
    for (String part : holder.split(" ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static String heldMessage(String root, String holder) {
    return "another run holds the warehouse "
        + root
        + " ("
        + (holder.isBlank() ? "a process of this machine" : holder)
        + "); try again when it has finished";
  }

  private static String holder(String command) {
    return "command="
        + command.replace(' ', '_')
        + " host="
        + hostName()
        + " pid="
        + ProcessHandle.current().pid()
        + " since="
        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  private static String hostName() {
    return RunLog.host();
  }
}
