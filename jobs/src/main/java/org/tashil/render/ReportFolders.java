package org.tashil.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.tashil.reports.render.LocalReportFolder;
import org.tashil.reports.render.ReportFolder;
import org.tashil.spark.Locations;

/**
 * The folder {@code --reports} names: a folder of this machine, or a folder on a Hadoop file system
 * ({@code hdfs://namenode:8020/tashil/reports}, {@code s3a://tashil/reports}).
 */
public final class ReportFolders {

  private ReportFolders() {}

  /**
   * The report folder at {@code location}, with the Hadoop settings to reach it.
   *
   * @throws UncheckedIOException when it cannot be made, or its file system cannot be reached (no
   *     such scheme, no name node, no credentials)
   */
  public static ReportFolder at(String location, Configuration hadoop) {
    return Locations.local(location)
        .<ReportFolder>map(ReportFolders::local)
        .orElseGet(() -> new OnHadoop(new Path(location), hadoop));
  }

  private static ReportFolder local(java.nio.file.Path folder) {
    try {
      java.nio.file.Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the reports folder " + folder + ": " + e, e);
    }
    return new LocalReportFolder(folder);
  }

  /**
   * The object stores whose objects appear, or replace the old one, only when their upload ends
   * (and where a rename is a copy after a delete): S3 and Google Cloud Storage.
   */
  private static final java.util.Set<String> OBJECT_STORES = java.util.Set.of("s3a", "gs");

  /**
   * A folder on a Hadoop file system. On HDFS each file is written to {@code .<name>.<random>.part}
   * beside it, then renamed over the old one in one step. On an object store ({@link
   * #OBJECT_STORES}) it is uploaded under its own name. Elsewhere it is written to a {@code .part}
   * file, the old file deleted and the {@code .part} file renamed: a reader never finds half a
   * file, but may for a moment find none.
   */
  private static final class OnHadoop implements ReportFolder {

    private final FileSystem fs;
    private final Path root;

    OnHadoop(Path location, Configuration hadoop) {
      try {
        this.fs = location.getFileSystem(hadoop);
        this.root = fs.makeQualified(location);
        fs.mkdirs(root);
      } catch (IOException | IllegalArgumentException e) {
        throw new UncheckedIOException(
            "cannot reach the reports folder " + location + ": " + e,
            e instanceof IOException io ? io : new IOException(e));
      }
    }

    @Override
    public void prepare(String folder) {
      Path path = new Path(root, folder);
      try {
        fs.mkdirs(path);
        for (FileStatus status : fs.listStatus(path)) {
          if (status.isFile() && ReportFolder.isUnfinished(status.getPath().getName())) {
            fs.delete(status.getPath(), false);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare " + path, e);
      }
    }

    @Override
    public void write(String file, byte[] bytes) {
      Path target = new Path(root, file);
      try {
        if (OBJECT_STORES.contains(root.toUri().getScheme())) {
          writeTo(target, bytes, true);
          return;
        }
        Path temporary = new Path(target.getParent(), ReportFolder.unfinished(target.getName()));
        try {
          writeTo(temporary, bytes, false);
          if (fs instanceof DistributedFileSystem hdfs) {
            hdfs.rename(temporary, target, Options.Rename.OVERWRITE);
          } else {
            fs.delete(target, false);
            if (!fs.rename(temporary, target)) {
              throw new IOException("could not rename " + temporary + " to " + target);
            }
          }
        } catch (IOException e) {
          try {
            fs.delete(temporary, false);
          } catch (IOException ignored) {
            // the write's own error is the one to report
          }
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target, e);
      }
    }

    private void writeTo(Path path, byte[] bytes, boolean overwrite) throws IOException {
      try (OutputStream out = fs.create(path, overwrite)) {
        out.write(bytes);
      }
    }

    @Override
    public String location(String name) {
      return new Path(root, name).toString();
    }
  }
}
