package org.tashil.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.spark.HadoopConf;

/** Checks files of an office folder on disk, as ingest and validate do, without Spark. */
public final class CheckedFiles {

  private CheckedFiles() {}

  /** Every entry of the office folder, as {@link Inbox} lists it. */
  public static List<InboxFile> list(Path folder, String officeId, Period period) {
    try {
      Configuration hadoop = HadoopConf.withoutSpark();
      org.apache.hadoop.fs.Path office =
          new org.apache.hadoop.fs.Path(folder.toAbsolutePath().toUri());
      return Inbox.officeFiles(FileSystem.getLocal(hadoop), office, office, officeId, period);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A workbook's first sheet or a CSV file as read, header first: its cells as text. */
  public static List<List<String>> table(Path file) {
    try {
      List<List<String>> rows = new java.util.ArrayList<>();
      FileScan scan;
      try (var in = java.nio.file.Files.newInputStream(file)) {
        scan = FileScan.ofText(in, Long.MAX_VALUE);
      }
      boolean workbook = file.getFileName().toString().endsWith(".xlsx");
      try (var in = java.nio.file.Files.newInputStream(file);
          TableSource source =
              workbook ? WorkbookSource.open(file.toFile()) : CsvSource.open(in, scan.encoding())) {
        rows.add(source.header());
        for (RawRecord record = source.next(); record != null; record = source.next()) {
          rows.add(record.values());
        }
      }
      return rows;
    } catch (java.io.IOException | UnreadableFileException e) {
      throw new AssertionError(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The whole outcome of one file of the folder, by its name, with the default size limit. */
  public static FileOutcome.Whole check(
      Registry registry, Period period, Path folder, String officeId, String name) {
    return check(registry, period, folder, officeId, name, FileChecker.DEFAULT_MAX_FILE_SIZE);
  }

  public static FileOutcome.Whole check(
      Registry registry,
      Period period,
      Path folder,
      String officeId,
      String name,
      long maxFileSize) {
    InboxFile file =
        list(folder, officeId, period).stream()
            .filter(entry -> entry.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(name + " is not in " + folder));
    return new FileChecker(registry, period, maxFileSize)
        .checkWhole(file, HadoopConf.withoutSpark());
  }
}
