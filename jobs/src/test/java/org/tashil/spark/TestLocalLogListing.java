package org.tashil.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.defaults.internal.logstore.LogStoreProvider;
import io.delta.storage.HDFSLogStore;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;

class TestLocalLogListing {

  @TempDir java.nio.file.Path temp;

  @Test
  void kernelListsTheLogsOfLocalTablesWithIt() {
    for (Configuration configuration :
        List.of(
            HadoopConf.withoutSpark(), SparkTests.session().sparkContext().hadoopConfiguration())) {
      assertThat(LogStoreProvider.getLogStore(configuration, "file"))
          .isInstanceOf(LocalLogListing.class);
    }
  }

  /**
   * Every kind of file a log folder holds (commits, Delta's checksums, checkpoints, the last
   * checkpoint's pointer, Hadoop's checksum of each, a writer's temporary file, a folder, a link, a
   * name with a colon), listed from every name in it and from names between and around them: the
   * same files with the same statuses as Hadoop's listing.
   */
  @Test
  void listsWhatHadoopsListingLists() throws Exception {
    java.nio.file.Path log = Files.createDirectories(temp.resolve("table/_delta_log"));
    for (int version = 0; version < 23; version++) {
      String number = String.format("%020d", version);
      Files.writeString(log.resolve(number + ".json"), "{\"commitInfo\":{}}\n".repeat(version));
      Files.writeString(log.resolve(number + ".crc"), "{}");
      Files.writeString(log.resolve("." + number + ".json.crc"), "c");
      Files.writeString(log.resolve("." + number + ".crc.crc"), "c");
      if (version % 10 == 0) {
        Files.writeString(log.resolve(number + ".checkpoint.parquet"), "PAR1");
        Files.writeString(log.resolve("." + number + ".checkpoint.parquet.crc"), "c");
      }
    }
    Files.writeString(log.resolve("_last_checkpoint"), "{\"version\":20}");
    Files.writeString(log.resolve("._last_checkpoint.crc"), "c");
    Files.writeString(log.resolve(".00000000000000000023.json.0f3a.tmp"), "{");
    Files.writeString(log.resolve("00000000000000000015.json:Zone.Identifier"), "z");
    Files.createDirectories(log.resolve("_commits"));
    Files.createSymbolicLink(
        log.resolve("00000000000000000030.json"), log.resolve("00000000000000000022.json"));

    Configuration configuration = HadoopConf.withoutSpark();
    LocalLogListing ours = new LocalLogListing(configuration);
    HDFSLogStore hadoops = new HDFSLogStore(configuration);
    TreeSet<String> starts = new TreeSet<>(List.of(".", "0", "00000000000000000015", "_", "~"));
    try (var names = Files.list(log)) {
      names.forEach(file -> starts.add(file.getFileName().toString()));
    }
    for (String start : starts) {
      Path from = new Path(log.toUri() + "/" + start);
      assertThat(described(ours.listFrom(from, configuration)))
          .as("from %s", start)
          .isEqualTo(described(hadoops.listFrom(from, configuration)));
    }
    // The writer's temporary file, the folder and the link are listed; no checksum of Hadoop's.
    List<String> fromTheStart = new ArrayList<>();
    ours.listFrom(new Path(log.toUri() + "/."), configuration)
        .forEachRemaining(status -> fromTheStart.add(status.getPath().getName()));
    assertThat(fromTheStart)
        .hasSize(1 + 23 + 23 + 3 + 3 + 1)
        .contains(
            ".00000000000000000023.json.0f3a.tmp",
            "_commits",
            "00000000000000000030.json",
            "00000000000000000015.json:Zone.Identifier")
        .noneMatch(name -> name.endsWith(".crc") && name.startsWith("."))
        .isSorted();
  }

  @Test
  void aMissingFolderIsNotFoundAsByHadoopsListing() {
    Configuration configuration = HadoopConf.withoutSpark();
    Path from = new Path(temp.resolve("none/_delta_log").toUri() + "/00000000000000000000");
    assertThatThrownBy(() -> new HDFSLogStore(configuration).listFrom(from, configuration))
        .isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> new LocalLogListing(configuration).listFrom(from, configuration))
        .isInstanceOf(FileNotFoundException.class);
  }

  /** Each file's path, length, kind, time and permission, in the listing's order. */
  private static List<String> described(Iterator<FileStatus> statuses) {
    List<String> described = new ArrayList<>();
    statuses.forEachRemaining(
        status ->
            described.add(
                status.getPath()
                    + " "
                    + status.getLen()
                    + " "
                    + status.isDirectory()
                    + " "
                    + status.getModificationTime()
                    + " "
                    + status.getPermission()));
    return described;
  }
}
