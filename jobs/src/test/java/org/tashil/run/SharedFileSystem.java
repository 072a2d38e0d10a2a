package org.tashil.run;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.tashil.spark.HadoopConf;
import org.tashil.spark.LocalDiskUnderScheme;

/**
 * A shared file system as the warehouse lock sees HDFS or S3, over this machine's files: {@code
 * shared:///tmp/…} is {@code /tmp/…}, a scheme that {@link org.tashil.spark.Locations#local} does
 * not place on this machine. Creating a file without overwriting is atomic, as on HDFS and as S3's
 * conditional put (Hadoop's local file system checks that the file is absent, then opens it, so two
 * creators can both succeed).
 */
public final class SharedFileSystem extends LocalDiskUnderScheme {

  private static final String SCHEME = "shared";

  @Override
  public String getScheme() {
    return SCHEME;
  }

  /** The Hadoop settings of the commands, with {@code shared:} paths on this file system. */
  static Configuration configuration() {
    Configuration configuration = HadoopConf.withoutSpark();
    LocalDiskUnderScheme.install(configuration, SCHEME, SharedFileSystem.class);
    return configuration;
  }

  /** The {@code shared:} URI of a local folder. */
  static String uri(java.nio.file.Path folder) {
    return LocalDiskUnderScheme.uri(SCHEME, folder);
  }

  // Hadoop's local file system has two create methods that do not call each other: both are made
  // atomic, through createNew.
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
