package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.calendar.Period;
import org.tashil.spark.HadoopConf;

/** What an inbox listing says of each entry, found without opening any. */
class TestInbox {

  private static final Period ABAN = Period.parse("1405-08");

  @TempDir Path inbox;

  private List<InboxFile> list() throws IOException {
    Configuration hadoop = HadoopConf.withoutSpark();
    return Inbox.list(inbox.toString(), ABAN, hadoop);
  }

  @Test
  void aPeriodWithoutAFolderIsNothingSentYet() {
    org.assertj.core.api.Assertions.assertThatThrownBy(this::list)
        .isInstanceOf(java.io.FileNotFoundException.class)
        .hasMessageContaining("the inbox has no folder for period 1405-08");
  }

  @Test
  void anOfficeFolderThatCannotBeListedIsOneUnreadableEntry() throws IOException {
    Path office = Files.createDirectories(inbox.resolve("1405-08/OF-01"));
    Files.writeString(office.resolve("demands.csv"), "demand_id\n");
    Files.setPosixFilePermissions(office, PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(
          Files.isReadable(office), "the system lets this user read any folder (root)");
      assertThat(list())
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.kind()).isEqualTo(InboxFile.Kind.UNREADABLE);
                assertThat(entry.path()).isEqualTo("1405-08/OF-01/");
                assertThat(entry.reason()).isEqualTo("permission denied");
              });
    } finally {
      Files.setPosixFilePermissions(office, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aLinkIsFollowedOnlyInsideTheInbox() throws IOException {
    Path office = Files.createDirectories(inbox.resolve("1405-08/OF-01"));
    Path earlier = Files.createDirectories(inbox.resolve("1405-07/OF-01"));
    Files.writeString(earlier.resolve("activities.csv"), "activity_id\n");
    Files.createSymbolicLink(office.resolve("activities.csv"), earlier.resolve("activities.csv"));
    Files.createSymbolicLink(office.resolve("demands.csv"), Path.of("/etc/hostname"));
    Files.createDirectories(office.resolve("photos"));
    assertThat(list())
        .extracting(entry -> entry.name() + " " + entry.kind())
        .containsExactly("activities.csv DATASET", "demands.csv LINK_OUTSIDE", "photos OTHER");
  }

  @Test
  void aFolderThatIsNotOneIsUnreadable() throws IOException {
    Path file = Files.writeString(inbox.resolve("OF-01"), "not a folder\n");
    org.apache.hadoop.fs.Path office = new org.apache.hadoop.fs.Path(file.toUri());
    List<InboxFile> entries =
        Inbox.officeFiles(
            org.apache.hadoop.fs.FileSystem.getLocal(HadoopConf.withoutSpark()),
            office,
            office,
            "OF-01",
            ABAN);
    assertThat(entries)
        .singleElement()
        .extracting(InboxFile::kind)
        .isEqualTo(InboxFile.Kind.UNREADABLE);
  }
}
