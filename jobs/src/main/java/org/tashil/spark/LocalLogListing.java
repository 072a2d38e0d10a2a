package org.tashil.spark;

import io.delta.storage.HDFSLogStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Delta's log store for local files (Kernel's default for {@code file:}, {@link HDFSLogStore}),
 * whose listing of a log folder reads the status of only the files it returns.
 *
 * <p>Kernel finds a table's version by listing its {@code _delta_log} folder from a version on
 * (from the last checkpoint, most often). Hadoop's listing reads the status of every file in the
 * folder and then drops those before that version: each commit leaves four files there (the commit,
 * Delta's checksum, and Hadoop's checksum of each) until Delta's log retention lets them go, and
 * building each one's status cost more than the rest of the table's load. This listing reads the
 * folder's names, keeps those from the version on and reads their statuses alone. What it returns
 * is what Hadoop's listing returns: the same files, with the same statuses, by name. Writes are
 * {@link HDFSLogStore}'s.
 */
public final class LocalLogListing extends HDFSLogStore {

  /** The Hadoop setting that makes Kernel use this class for the logs of {@code file:} tables. */
  public static final String SETTING = "io.delta.kernel.logStore.file.impl";

  /** The constructor Kernel calls. */
  public LocalLogListing(Configuration configuration) {
    super(configuration);
  }

  /**
   * The files of {@code path}'s folder whose names sort at or after its name, by name, without
   * Hadoop's checksum files ({@link FolderNames}). A file deleted while the folder is read is left
   * out, as Hadoop's listing leaves it out.
   */
  @Override
  public Iterator<FileStatus> listFrom(Path path, Configuration configuration) throws IOException {
    FileSystem fileSystem = path.getFileSystem(configuration);
    if (!(fileSystem instanceof LocalFileSystem local)) {
      return super.listFrom(path, configuration);
    }
    Path folder = local.makeQualified(path.getParent());
    String[] names = FolderNames.of(local, folder);
    String from = path.getName();
    List<FileStatus> statuses = new ArrayList<>();
    for (String name : names) {
      if (name.compareTo(from) < 0) {
        continue;
      }
      try {
        // The name as a path of its own, as Hadoop's listing takes it: one with a colon is a name,
        // not a scheme.
        statuses.add(local.getFileStatus(new Path(folder, new Path(null, null, name))));
      } catch (FileNotFoundException deletedMeanwhile) {
        // Kernel's log cleanup, or a killed writer's temporary file, may remove it between the two.
      }
    }
    return statuses.iterator();
  }
}
