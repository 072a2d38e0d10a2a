package org.tashil.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.tashil.spark.HadoopConf;

/**
 * A shared file system as the warehouse lock sees HDFS or S3, over this machine's files: {@code
 * shared:///tmp/…} is {@code /tmp/…}, a scheme that {@link org.tashil.spark.Locations#local} does
 * not place on this machine. Creating a file without overwriting is atomic, as on HDFS and as S3's
 * conditional put (Hadoop's local file system checks that the file is absent, then opens it, so two
 * creators can both succeed).
 */
public final class SharedFileSystem extends RawLocalFileSystem {

  private static final URI NAME = URI.create("shared:///");

  /** The Hadoop settings of the commands, with {@code shared:} paths on this file system. */
  static Configuration configuration() {
    Configuration configuration = HadoopConf.withoutSpark();
    configuration.set("fs.shared.impl", SharedFileSystem.class.getName());
    configuration.setBoolean("fs.shared.impl.disable.cache", true);
    return configuration;
  }

  /** The {@code shared:} URI of a local folder. */
  static String uri(java.nio.file.Path folder) {
    return "shared://" + folder.toAbsolutePath();
  }

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return NAME.getScheme();
  }

  @Override
  public FSDataOutputStream create(
      Path path,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    if (!overwrite) {
      createNew(path);
    }
    return super.create(path, true, bufferSize, replication, blockSize, progress);
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
    if (!overwrite) {
      createNew(path);
    }
    return super.create(path, permission, true, bufferSize, replication, blockSize, progress);
  }

  private void createNew(Path path) throws IOException {
    java.nio.file.Path file = pathToFile(path).toPath();
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(file);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException("File already exists: " + path);
    }
  }
}
