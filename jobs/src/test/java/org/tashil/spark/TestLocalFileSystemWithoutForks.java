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
  void deltasCommitsGoThroughTheSameFileSystem() throws Exception {
    for (Configuration configuration :
        java.util.List.of(
            HadoopConf.withoutSpark(), SparkTests.session().sparkContext().hadoopConfiguration())) {
      assertThat(
              org.apache.hadoop.fs.FileContext.getFileContext(URI.create("file:///"), configuration)
                  .getDefaultFileSystem())
          .isInstanceOf(LocalFileSystemWithoutForks.ForFileContext.class);
    }
  }

  @Test
  void aCommitIsWrittenAndRenamedAsByHadoopsOwn() throws Exception {
    org.apache.hadoop.fs.FileContext context =
        org.apache.hadoop.fs.FileContext.getFileContext(
            URI.create("file:///"), HadoopConf.withoutSpark());
    Path log = new Path(temp.resolve("table/_delta_log").toUri());
    context.mkdir(log, new FsPermission((short) 0755), true);
    Path temporary = new Path(log, ".00000000000000000000.json.tmp");
    try (FSDataOutputStream out =
        context.create(
            temporary,
            java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE),
            org.apache.hadoop.fs.Options.CreateOpts.perms(new FsPermission((short) 0644)))) {
      out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Path commit = new Path(log, "00000000000000000000.json");
    context.rename(temporary, commit);

    java.nio.file.Path written = temp.resolve("table/_delta_log/00000000000000000000.json");
    assertThat(Files.readString(written)).isEqualTo("{}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-r--r--");
    assertThat(temp.resolve("table/_delta_log/.00000000000000000000.json.crc")).exists();
    assertThat(temp.resolve("table/_delta_log/.00000000000000000000.json.tmp")).doesNotExist();
    // A second commit of the same version fails, as Delta's log store relies on.
    Path again = new Path(log, ".again.tmp");
    try (FSDataOutputStream out =
        context.create(again, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.write(1);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.rename(again, commit))
        .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
    // Files and symbolic links are seen as Hadoop's own local FileContext sees them.
    java.nio.file.Path link = temp.resolve("link.json");
    Files.createSymbolicLink(link, written);
    org.apache.hadoop.fs.FileContext hadoops =
        org.apache.hadoop.fs.FileContext.getFileContext(
            URI.create("file:///"), new Configuration());
    assertThat(hadoops.getDefaultFileSystem())
        .isInstanceOf(org.apache.hadoop.fs.local.LocalFs.class);
    for (Path path : java.util.List.of(commit, new Path(link.toUri()), log)) {
      org.apache.hadoop.fs.FileStatus expected = hadoops.getFileLinkStatus(path);
      org.apache.hadoop.fs.FileStatus actual = context.getFileLinkStatus(path);
      assertThat(actual.isSymlink()).as(path.toString()).isEqualTo(expected.isSymlink());
      assertThat(actual.isDirectory()).as(path.toString()).isEqualTo(expected.isDirectory());
      assertThat(actual.getLen()).as(path.toString()).isEqualTo(expected.getLen());
      assertThat(actual.getPath()).as(path.toString()).isEqualTo(expected.getPath());
    }
    assertThat(context.getFileLinkStatus(commit).getLen()).isEqualTo(2);
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

  @Test
  void statusesCarryThePermissionsOwnerAndGroupHadoopsOwnReadsWithAProcess() throws Exception {
    java.nio.file.Path folder = Files.createDirectories(temp.resolve("listed"));
    java.nio.file.Path file = Files.write(folder.resolve("part-0.parquet"), new byte[] {1, 2});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    java.nio.file.Path sticky = Files.createDirectories(folder.resolve("sticky"));
    java.nio.file.Path setGroup = Files.createDirectories(folder.resolve("set-group"));
    // Bits java.nio cannot set: the test starts chmod itself.
    assertThat(new ProcessBuilder("chmod", "1777", sticky.toString()).start().waitFor()).isZero();
    assertThat(new ProcessBuilder("chmod", "2750", setGroup.toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(folder.resolve("link"), file);
    Files.write(sticky.resolve("inside"), new byte[] {3});

    org.apache.hadoop.fs.RawLocalFileSystem hadoops = new org.apache.hadoop.fs.RawLocalFileSystem();
    hadoops.initialize(URI.create("file:///"), new Configuration());
    FileSystem fs = local(HadoopConf.withoutSpark());
    Path listed = new Path(folder.toUri());

    java.util.Map<String, org.apache.hadoop.fs.FileStatus> expected = new java.util.TreeMap<>();
    for (org.apache.hadoop.fs.FileStatus status : hadoops.listStatus(listed)) {
      expected.put(status.getPath().getName(), status);
    }
    java.util.Map<String, org.apache.hadoop.fs.FileStatus> actual = new java.util.TreeMap<>();
    for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(listed)) {
      actual.put(status.getPath().getName(), status);
      // Not Hadoop's status, which starts ls -ld when asked for these.
      assertThat(status.getClass().getName()).doesNotContain("DeprecatedRawLocalFileStatus");
    }
    assertThat(actual.keySet())
        .containsExactlyElementsOf(expected.keySet())
        .contains("part-0.parquet", "sticky", "set-group", "link");
    org.apache.hadoop.fs.LocatedFileStatus inside =
        fs.listFiles(new Path(sticky.toUri()), true).next();
    actual.put("sticky/inside", inside);
    expected.put("sticky/inside", hadoops.getFileStatus(inside.getPath()));
    actual.put("getFileStatus", fs.getFileStatus(new Path(sticky.toUri())));
    expected.put("getFileStatus", hadoops.getFileStatus(new Path(sticky.toUri())));
    for (String name : expected.keySet()) {
      org.apache.hadoop.fs.FileStatus want = expected.get(name);
      org.apache.hadoop.fs.FileStatus got = actual.get(name);
      assertThat(got.getPermission()).as(name).isEqualTo(want.getPermission());
      assertThat(got.getOwner()).as(name).isEqualTo(want.getOwner());
      assertThat(got.getGroup()).as(name).isEqualTo(want.getGroup());
      assertThat(got.getLen()).as(name).isEqualTo(want.getLen());
      assertThat(got.isDirectory()).as(name).isEqualTo(want.isDirectory());
      assertThat(got.getModificationTime()).as(name).isEqualTo(want.getModificationTime());
      assertThat(got.getPath()).as(name).isEqualTo(want.getPath());
    }
    assertThat(actual.get("sticky").getPermission().getStickyBit()).isTrue();
    assertThat(actual.get("part-0.parquet").getPermission())
        .isEqualTo(new FsPermission((short) 0640));
  }
}
