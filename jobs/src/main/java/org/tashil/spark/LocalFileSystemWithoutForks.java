package org.tashil.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
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
 */
public final class LocalFileSystemWithoutForks extends LocalFileSystem {

  public LocalFileSystemWithoutForks() {
    super(new Raw());
  }

  /** The Hadoop setting that makes {@code file:} paths use this class. */
  public static final String SETTING = "fs.file.impl";

  static final class Raw extends RawLocalFileSystem {

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
}
