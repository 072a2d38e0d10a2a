package org.tashil.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system, setting permissions through Java instead of a forked {@code chmod}.
 *
 * <p>Without Hadoop's native library (which Maven does not ship), Hadoop sets the permissions of
 * every file and folder it creates on a local disk by starting a {@code chmod} process. A monthly
 * run creates a few thousand files (Parquet parts, their checksums, Delta's log), so it spent more
 * time starting processes than writing data. {@link Spark} and {@link HadoopConf} install this
 * class for {@code file:} paths; it behaves as {@link LocalFileSystem} in everything else.
 *
 * <p>Delta writes its log through Hadoop's other API, {@code FileContext}, which has its own
 * setting: {@link ForFileContext} is the same file system for it.
 */
public final class LocalFileSystemWithoutForks extends LocalFileSystem {

  public LocalFileSystemWithoutForks() {
    super(new Raw());
  }

  /** The Hadoop setting that makes {@code file:} paths use this class. */
  public static final String SETTING = "fs.file.impl";

  /**
   * The settings that make {@code file:} paths use these classes, and the classes; and Delta
   * Kernel's log store for them, {@link LocalLogListing}.
   */
  public static java.util.Map<String, String> settings() {
    return java.util.Map.of(
        SETTING,
        LocalFileSystemWithoutForks.class.getName(),
        ForFileContext.SETTING,
        ForFileContext.class.getName(),
        LocalLogListing.SETTING,
        LocalLogListing.class.getName());
  }

  /**
   * The same local file system for Hadoop's {@code FileContext} API, through which Delta writes its
   * commits, checksums and checkpoints: Hadoop's own ({@code LocalFs}) would start a {@code chmod}
   * for each file it creates and a {@code readlink} for each file it renames or checks.
   */
  public static final class ForFileContext extends ChecksumFs {

    /** The Hadoop setting that makes {@code file:} paths use this class in {@code FileContext}. */
    public static final String SETTING = "fs.AbstractFileSystem.file.impl";

    /** The constructor Hadoop calls. */
    public ForFileContext(URI uri, Configuration configuration)
        throws IOException, URISyntaxException {
      super(new RawForFileContext(uri, new Raw(), configuration, "file"));
    }
  }

  /** As Hadoop's {@code RawLocalFs}, over {@link Raw} or a subclass of it under another scheme. */
  static class RawForFileContext extends DelegateToFileSystem {

    RawForFileContext(URI uri, Raw raw, Configuration configuration, String scheme)
        throws IOException, URISyntaxException {
      super(uri, raw, configuration, scheme, false);
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

    @Override
    public boolean isValidName(String src) {
      return true; // a local path may hold a colon
    }
  }

  /**
   * Hadoop's raw local file system without the forks; tests extend it under schemes of their own.
   */
  static class Raw extends RawLocalFileSystem {

    /**
     * The folder's files and folders, each with its permission, owner and group read through Java
     * when first asked: Hadoop's status would start {@code ls -ld} for them, which every {@code
     * LocatedFileStatus} (Hadoop's {@code listFiles}) asks for.
     */
    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
      FileStatus[] statuses = super.listStatus(path);
      if (!NativeIO.isAvailable()) {
        for (int i = 0; i < statuses.length; i++) {
          statuses[i] = new PermissionsFromJava(statuses[i], pathToFile(statuses[i].getPath()));
        }
      }
      return statuses;
    }

    /** As Hadoop's, with the permission, owner and group read as {@link #listStatus} reads them. */
    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
      FileStatus status = super.getFileStatus(path);
      return NativeIO.isAvailable() ? status : new PermissionsFromJava(status, pathToFile(path));
    }

    /**
     * A file that is not a symbolic link is its own status: Hadoop would start {@code readlink} to
     * find out (FileContext asks before every rename).
     */
    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
      if (NativeIO.isAvailable() || Files.isSymbolicLink(pathToFile(path).toPath())) {
        return super.getFileLinkStatus(path);
      }
      return getFileStatus(path);
    }

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      // Sticky and set-id bits have no java.nio form, and the native library needs no help.
      if ((permission.toShort() & ~0777) != 0 || NativeIO.isAvailable()) {
        super.setPermission(path, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(
            pathToFile(path).toPath(), PosixFilePermissions.fromString(permission.toString()));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(path, permission);
      }
    }
  }

  /**
   * A local file's status whose permission, owner and group are read when first asked, through
   * java.nio's {@code unix} view of the file (of its target, for a symbolic link, as Hadoop's own
   * status reads them), instead of by Hadoop's {@code ls -ld} process. Where that view is not
   * available, Hadoop's own status answers.
   */
  private static final class PermissionsFromJava extends FileStatus {

    private static final long serialVersionUID = 1L;

    private final FileStatus hadoops;
    private final java.io.File file;
    private boolean loaded;

    PermissionsFromJava(FileStatus hadoops, java.io.File file) throws IOException {
      super(
          hadoops.getLen(),
          hadoops.isDirectory(),
          hadoops.getReplication(),
          hadoops.getBlockSize(),
          hadoops.getModificationTime(),
          hadoops.getAccessTime(),
          null,
          null,
          null,
          hadoops.isSymlink() ? hadoops.getSymlink() : null,
          hadoops.getPath());
      this.hadoops = hadoops;
      this.file = file;
    }

    @Override
    public FsPermission getPermission() {
      load();
      return super.getPermission();
    }

    @Override
    public String getOwner() {
      load();
      return super.getOwner();
    }

    @Override
    public String getGroup() {
      load();
      return super.getGroup();
    }

    /** A status sent elsewhere (Spark's file listing may) carries what it read. */
    private void writeObject(java.io.ObjectOutputStream out) throws IOException {
      load();
      out.defaultWriteObject();
    }

    private synchronized void load() {
      if (loaded) {
        return;
      }
      try {
        java.util.Map<String, Object> unix =
            Files.readAttributes(file.toPath(), "unix:mode,owner,group");
        setPermission(new FsPermission((short) ((Integer) unix.get("mode") & 07777)));
        setOwner(((java.nio.file.attribute.UserPrincipal) unix.get("owner")).getName());
        setGroup(((java.nio.file.attribute.GroupPrincipal) unix.get("group")).getName());
      } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
        setPermission(hadoops.getPermission());
        setOwner(hadoops.getOwner());
        setGroup(hadoops.getGroup());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot read the permissions of " + file + ": " + e.getMessage(), e);
      }
      loaded = true;
    }
  }
}
