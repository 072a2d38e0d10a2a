package org.tashil.run;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FilterFs;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.tashil.spark.LocalFileSystemWithoutForks;

/**
 * One fault planted in the local file system of a run in another process ({@link #options}): the
 * first file created, or renamed into place, at a path matching the system property {@value #PATH}
 * meets it. Modes ({@value #MODE}): {@code halt} stops the JVM on the spot, as a SIGKILL would;
 * {@code fail} throws an IOException; {@code oom} throws an OutOfMemoryError (in a Spark task when
 * the file is a task's output, in the driver when it is a Delta commit).
 */
final class PlantedFault {

  static final String PATH = "tashil.test.fault.path";
  static final String MODE = "tashil.test.fault.mode";

  private static final AtomicBoolean FIRED = new AtomicBoolean();

  private PlantedFault() {}

  /** The JVM options of a run with the fault planted. */
  static List<String> options(String pattern, String mode) {
    return List.of(
        "-Dspark.hadoop."
            + LocalFileSystemWithoutForks.SETTING
            + "="
            + PlantedFault.FileSystem.class.getName(),
        "-Dspark.hadoop."
            + LocalFileSystemWithoutForks.ForFileContext.SETTING
            + "="
            + PlantedFault.FileContext.class.getName(),
        "-D" + PATH + "=" + pattern,
        "-D" + MODE + "=" + mode);
  }

  private static void meet(Path path) throws IOException {
    String pattern = System.getProperty(PATH);
    if (pattern == null
        || !Pattern.compile(pattern).matcher(path.toString()).find()
        || !FIRED.compareAndSet(false, true)) {
      return;
    }
    switch (String.valueOf(System.getProperty(MODE))) {
      case "halt" -> {
        System.out.println("fault: halting at " + path);
        System.out.flush();
        Runtime.getRuntime().halt(137);
      }
      case "oom" -> throw new OutOfMemoryError("Java heap space (planted by the test)");
      default -> throw new IOException("fault planted by the test at " + path);
    }
  }

  /** {@code file:} paths through Hadoop's FileSystem API: what Spark's tasks write with. */
  public static final class FileSystem extends LocalFileSystem {
    @Override
    public FSDataOutputStream create(
        Path f,
        FsPermission permission,
        boolean overwrite,
        int bufferSize,
        short replication,
        long blockSize,
        Progressable progress)
        throws IOException {
      meet(f);
      return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }
  }

  /** {@code file:} paths through Hadoop's FileContext API: what Delta commits with. */
  public static final class FileContext extends FilterFs {
    /** The constructor Hadoop calls. */
    public FileContext(URI uri, Configuration configuration)
        throws IOException, URISyntaxException {
      super(new LocalFileSystemWithoutForks.ForFileContext(uri, configuration));
    }

    @Override
    public void renameInternal(Path src, Path dst) throws IOException {
      meet(dst);
      super.renameInternal(src, dst);
    }

    @Override
    public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
      meet(dst);
      super.renameInternal(src, dst, overwrite);
    }
  }
}
