package org.tashil.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The names in a folder, without Hadoop's checksum files (as its listing hides them), for a caller
 * that needs no file's status: a Delta log folder keeps four files for each commit until its log
 * retention lets them go, and Hadoop's local listing builds each one's status (several system calls
 * and a parsed path apiece), which cost more than the rest of what reads the log. On a local disk
 * the folder's names are read alone; on another file system, from its listing, which is one call.
 */
public final class FolderNames {

  private FolderNames() {}

  /** The folder's names, sorted; {@link FileNotFoundException} when it is not there. */
  public static String[] of(FileSystem fileSystem, Path folder) throws IOException {
    String[] names =
        fileSystem instanceof LocalFileSystem local ? local.pathToFile(folder).list() : null;
    if (names == null) {
      // Another file system; or, as Hadoop's listing answers it, a local folder that is not there
      // or a file, which lists as itself.
      return Arrays.stream(fileSystem.listStatus(folder))
          .map(status -> status.getPath().getName())
          .sorted()
          .toArray(String[]::new);
    }
    // Hadoop's ChecksumFileSystem.isChecksumFile, on the name alone.
    return Arrays.stream(names)
        .filter(name -> !(name.startsWith(".") && name.endsWith(".crc")))
        .sorted()
        .toArray(String[]::new);
  }
}
