package org.tashil.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.tashil.reports.render.LocalReportFolder;
import org.tashil.reports.render.ReportFolder;
import org.tashil.spark.Locations;

/**
 * The folder {@code --reports} names: a folder of this machine, or a folder on a Hadoop file system
 * ({@code hdfs://namenode:8020/tashil/reports}, {@code s3a://tashil/reports}).
 */
public final class ReportFolders {

  private ReportFolders() {}

  /** The report folder at {@code location}, with the Hadoop settings to reach it. */
  public static ReportFolder at(String location, Configuration hadoop) {
    return Locations.local(location)
        .<ReportFolder>map(LocalReportFolder::new)
        .orElseGet(() -> new OnHadoop(new Path(location), hadoop));
  }

  /**
   * A folder on a Hadoop file system: each file is written to {@code .<name>.<random>.part} beside
   * it, then renamed over the old one in one step where the file system can (HDFS), else deleted
   * and renamed (an object store, where the rename is a copy).
   */
  private static final class OnHadoop implements ReportFolder {

    private final Path root;
    private final FileSystem fs;
    private final FileContext context;

    OnHadoop(Path root, Configuration hadoop) {
      this.root = root;
      try {
        this.fs = root.getFileSystem(hadoop);
        this.context = FileContext.getFileContext(root.toUri(), hadoop);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reach the reports folder " + root, e);
      }
    }

    @Override
    public void prepare(String folder) {
      Path path = new Path(root, folder);
      try {
        fs.mkdirs(path);
        for (FileStatus status : fs.listStatus(path)) {
          if (status.isFile() && LocalReportFolder.isUnfinished(status.getPath().getName())) {
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
      Path temporary =
          new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".part");
      try {
        try (OutputStream out = fs.create(temporary, false)) {
          out.write(bytes);
        }
        synchronized (context) {
          context.rename(temporary, target, Options.Rename.OVERWRITE);
        }
      } catch (IOException e) {
        try {
          fs.delete(temporary, false);
        } catch (IOException ignored) {
          // the write's own error is the one to report
        }
        throw new UncheckedIOException("cannot write " + target, e);
      }
    }

    @Override
    public String location(String name) {
      return new Path(root, name).toString();
    }
  }
}
