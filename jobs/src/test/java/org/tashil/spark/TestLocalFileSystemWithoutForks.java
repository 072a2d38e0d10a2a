package org.tashil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;

class TestLocalFileSystemWithoutForks {

  @TempDir java.nio.file.Path temp;

  private static FileSystem local(Configuration configuration) throws Exception {
    // A new instance, not Hadoop's per-JVM cache, which keeps whichever class came first.
    return FileSystem.newInstance(URI.create("file:///"), configuration);
  }

  @Test
  void sparkAndTheCommandsUseItForLocalFiles() throws Exception {
    assertThat(local(HadoopConf.withoutSpark())).isInstanceOf(LocalFileSystemWithoutForks.class);
    assertThat(local(SparkTests.session().sparkContext().hadoopConfiguration()))
        .isInstanceOf(LocalFileSystemWithoutForks.class);
  }

  @Test
  void filesAndFoldersGetTheirPermissionsWithoutAProcess() throws Exception {
    FileSystem fs = local(HadoopConf.withoutSpark());
    Path folder = new Path(temp.resolve("table/period=1405-08").toUri());
    assertThat(fs.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
    Path file = new Path(folder, "part-0.parquet");
    try (FSDataOutputStream out =
        fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.write(new byte[] {1, 2, 3});
    }
    fs.setPermission(file, new FsPermission((short) 0604));

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(temp.resolve("table/period=1405-08"))))
        .isEqualTo("rwxr-x---");
    java.nio.file.Path written = temp.resolve("table/period=1405-08/part-0.parquet");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw----r--");
    assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3);
    // Hadoop's checksum of the file is written beside it, as by its own local file system.
    assertThat(temp.resolve("table/period=1405-08/.part-0.parquet.crc")).exists();
    assertThat(fs.getFileStatus(file).getPermission()).isEqualTo(new FsPermission((short) 0604));
  }
}
