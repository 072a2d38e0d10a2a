package org.tashil.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk under a scheme of its own, {@code faulty:}, on which one chosen call to one file
 * goes wrong once: a file system that breaks at the worst moment. Spark writes through it as
 * through any Hadoop file system, and Delta's log store commits through it with Hadoop's {@code
 * FileContext} ({@link ForFileContext}).
 */
public final class FaultyFileSystem extends RawLocalFileSystem {

  static final String SCHEME = "faulty";

  private static final URI ROOT = URI.create(SCHEME + ":///");

  /** The calls a fault can break. */
  enum Call {
    /** Creating a file, or the hidden temporary file written first and renamed to it. */
    CREATE,
    /** Renaming a file to it. */
    RENAME,
    /** Asking for its status once it exists. */
    GET_FILE_STATUS
  }

  /** What a fault does when its call comes. */
  enum Effect {
    /** The call is not made, and fails. */
    FAIL_BEFORE,
    /** The call is made, then reported as failed: a connection lost on the way back. */
    FAIL_AFTER,
    /** Something else happens first ({@link Fault#first}), then the call is made. */
    RUN_FIRST
  }

  /**
   * One call to one file that goes wrong once.
   *
   * @param fileName the file's name: its hidden temporary files count as it too
   */
  record Fault(Call call, String fileName, Effect effect, IoAction first) {}

  /** Something done to the disk before a call. */
  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }

  private static final AtomicReference<Fault> FAULT = new AtomicReference<>();

  /** The Hadoop settings that make {@code faulty:} paths use this file system. */
  static void install(Configuration hadoop) {
    hadoop.set("fs." + SCHEME + ".impl", FaultyFileSystem.class.getName());
    hadoop.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
    hadoop.set("fs.AbstractFileSystem." + SCHEME + ".impl", ForFileContext.class.getName());
  }

  /** The {@code faulty:} URI of a local folder. */
  static String uri(java.nio.file.Path folder) {
    return SCHEME + "://" + folder.toAbsolutePath();
  }

  /** The next matching call fails, without being made. */
  static void failOnce(Call call, String fileName) {
    arm(new Fault(call, fileName, Effect.FAIL_BEFORE, null));
  }

  /** The next matching call is made, then fails. */
  static void failOnceAfter(Call call, String fileName) {
    arm(new Fault(call, fileName, Effect.FAIL_AFTER, null));
  }

  /** {@code first} happens just before the next matching call. */
  static void beforeOnce(Call call, String fileName, IoAction first) {
    arm(new Fault(call, fileName, Effect.RUN_FIRST, first));
  }

  /** Whether the armed fault has not happened yet; disarms it. */
  static boolean disarm() {
    return FAULT.getAndSet(null) != null;
  }

  private static void arm(Fault fault) {
    if (!FAULT.compareAndSet(null, fault)) {
      throw new IllegalStateException("a fault is armed already: " + FAULT.get());
    }
  }

  /** The fault for this call to this file, taken (it happens once), or null. */
  private Fault take(Call call, Path path) {
    Fault fault = FAULT.get();
    if (fault == null || fault.call() != call) {
      return null;
    }
    String name = path.getName();
    // A Delta commit file (or the hidden file it is written as), not a manifest of the same name.
    boolean matches =
        path.getParent() != null
            && path.getParent().getName().equals("_delta_log")
            && (name.equals(fault.fileName()) || name.startsWith("." + fault.fileName() + "."));
    if (!matches
        || (call == Call.GET_FILE_STATUS && !pathToFile(path).exists())
        || !FAULT.compareAndSet(fault, null)) {
      return null;
    }
    return fault;
  }

  private static IOException failure(Call call, Path path) {
    return new IOException("injected fault: " + call + " " + path);
  }

  @Override
  public URI getUri() {
    return ROOT;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataOutputStream create(
      Path path,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    Fault fault = take(Call.CREATE, path);
    if (fault != null && fault.effect() == Effect.FAIL_BEFORE) {
      throw failure(Call.CREATE, path);
    }
    if (fault != null && fault.effect() == Effect.RUN_FIRST) {
      fault.first().run();
    }
    FSDataOutputStream stream =
        super.create(path, permission, overwrite, bufferSize, replication, blockSize, progress);
    if (fault != null && fault.effect() == Effect.FAIL_AFTER) {
      stream.close();
      throw failure(Call.CREATE, path);
    }
    return stream;
  }

  @Override
  public boolean rename(Path source, Path target) throws IOException {
    Fault fault = take(Call.RENAME, target);
    if (fault != null && fault.effect() == Effect.FAIL_BEFORE) {
      throw failure(Call.RENAME, target);
    }
    if (fault != null && fault.effect() == Effect.RUN_FIRST) {
      fault.first().run();
    }
    boolean renamed = super.rename(source, target);
    if (fault != null && fault.effect() == Effect.FAIL_AFTER) {
      throw failure(Call.RENAME, target);
    }
    return renamed;
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    Fault fault = take(Call.GET_FILE_STATUS, path);
    if (fault != null && fault.effect() == Effect.FAIL_BEFORE) {
      throw failure(Call.GET_FILE_STATUS, path);
    }
    if (fault != null && fault.effect() == Effect.RUN_FIRST) {
      fault.first().run();
    }
    FileStatus status = withPermissions(super.getFileStatus(path));
    if (fault != null && fault.effect() == Effect.FAIL_AFTER) {
      throw failure(Call.GET_FILE_STATUS, path);
    }
    return status;
  }

  @Override
  public FileStatus getFileLinkStatus(Path path) throws IOException {
    return withPermissions(super.getFileStatus(path));
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    FileStatus[] statuses = super.listStatus(path);
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = withPermissions(statuses[i]);
    }
    return statuses;
  }

  /**
   * The status with its permission, owner and group read through Java: Hadoop's local status reads
   * them from a {@code file:} URI only.
   */
  private FileStatus withPermissions(FileStatus status) throws IOException {
    java.util.Map<String, Object> unix =
        Files.readAttributes(pathToFile(status.getPath()).toPath(), "unix:mode,owner,group");
    return new FileStatus(
        status.getLen(),
        status.isDirectory(),
        status.getReplication(),
        status.getBlockSize(),
        status.getModificationTime(),
        status.getAccessTime(),
        new FsPermission((short) ((Integer) unix.get("mode") & 0777)),
        ((java.nio.file.attribute.UserPrincipal) unix.get("owner")).getName(),
        ((java.nio.file.attribute.GroupPrincipal) unix.get("group")).getName(),
        status.getPath());
  }

  /** As the local file system, without starting a {@code chmod} process for each file. */
  @Override
  public void setPermission(Path path, FsPermission permission) throws IOException {
    Files.setPosixFilePermissions(
        pathToFile(path).toPath(), PosixFilePermissions.fromString(permission.toString()));
  }

  /** The same file system for Hadoop's {@code FileContext}, through which Delta commits. */
  public static final class ForFileContext extends DelegateToFileSystem {

    /** The constructor Hadoop calls. */
    public ForFileContext(URI uri, Configuration configuration)
        throws IOException, URISyntaxException {
      super(uri, new FaultyFileSystem(), configuration, SCHEME, false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path path) throws IOException {
      return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
    }
  }
}
