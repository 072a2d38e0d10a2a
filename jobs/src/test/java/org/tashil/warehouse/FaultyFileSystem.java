package org.tashil.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.tashil.spark.LocalDiskUnderScheme;

/**
 * The local disk under a scheme of its own, {@code faulty:}, on which one chosen call to one file
 * goes wrong once: a file system that breaks at the worst moment. Spark writes through it as
 * through any Hadoop file system, and Delta's log store commits through it with Hadoop's {@code
 * FileContext} ({@link ForFileContext}).
 */
public final class FaultyFileSystem extends LocalDiskUnderScheme {

  static final String SCHEME = "faulty";

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

  @Override
  public String getScheme() {
    return SCHEME;
  }

  /** The Hadoop settings that make {@code faulty:} paths use this file system. */
  static void install(Configuration hadoop) {
    LocalDiskUnderScheme.install(hadoop, SCHEME, FaultyFileSystem.class);
    hadoop.set("fs.AbstractFileSystem." + SCHEME + ".impl", ForFileContext.class.getName());
  }

  /** The {@code faulty:} URI of a local folder. */
  static String uri(java.nio.file.Path folder) {
    return LocalDiskUnderScheme.uri(SCHEME, folder);
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

  /** A call this file system makes, which a fault can precede or follow. */
  @FunctionalInterface
  private interface IoCall<T> {
    T make() throws IOException;
  }

  /** Makes the call, with the armed fault for it, if any, as its effect says. */
  private <T> T withFault(Call call, Path path, IoCall<T> made) throws IOException {
    Fault fault = take(call, path);
    if (fault == null) {
      return made.make();
    }
    switch (fault.effect()) {
      case FAIL_BEFORE -> throw failure(call, path);
      case RUN_FIRST -> fault.first().run();
      case FAIL_AFTER -> {
        T result = made.make();
        if (result instanceof java.io.Closeable stream) {
          stream.close(); // the created file's stream, which its caller never gets
        }
        throw failure(call, path);
      }
    }
    return made.make();
  }

  private static IOException failure(Call call, Path path) {
    return new IOException("injected fault: " + call + " " + path);
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
    return withFault(
        Call.CREATE,
        path,
        () ->
            super.create(
                path, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public boolean rename(Path source, Path target) throws IOException {
    return withFault(Call.RENAME, target, () -> super.rename(source, target));
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    return withFault(Call.GET_FILE_STATUS, path, () -> super.getFileStatus(path));
  }

  /** The status, without meeting a fault: only {@link #getFileStatus} meets one. */
  @Override
  public FileStatus getFileLinkStatus(Path path) throws IOException {
    return super.getFileStatus(path);
  }

  /** The same file system for Hadoop's {@code FileContext}, through which Delta commits. */
  public static final class ForFileContext extends LocalDiskUnderScheme.ForFileContext {

    /** The constructor Hadoop calls. */
    public ForFileContext(URI uri, Configuration configuration)
        throws IOException, URISyntaxException {
      super(uri, new FaultyFileSystem(), configuration);
    }
  }
}
