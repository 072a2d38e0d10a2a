package org.tashil.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.calendar.Period;
import org.tashil.schema.Dataset;

/**
 * The offices' files of one period: {@code <inbox>/<period>/<office_id>/<dataset>.(csv|xlsx)}
 * (contract §2), on any Hadoop file system. Hidden files and Excel's lock files ({@code ~$…}) are
 * not files an office sent and are left out.
 */
public final class Inbox {

  private Inbox() {}

  /** Every file of the period, sorted by office and name. */
  public static List<InboxFile> list(String inbox, Period period, Configuration hadoop)
      throws IOException {
    Path periodFolder = new Path(inbox.replaceAll("/+$", "") + "/" + period);
    FileSystem fs = periodFolder.getFileSystem(hadoop);
    if (!fs.isDirectory(periodFolder)) {
      throw new java.io.FileNotFoundException(
          "the inbox has no folder for period " + period + ": " + periodFolder);
    }
    List<InboxFile> files = new ArrayList<>();
    FileStatus[] offices = fs.listStatus(periodFolder);
    Arrays.sort(offices, Comparator.comparing(status -> status.getPath().getName()));
    for (FileStatus office : offices) {
      if (office.isDirectory() && !isHidden(office.getPath().getName())) {
        files.addAll(officeFiles(fs, office.getPath(), office.getPath().getName(), period));
      }
    }
    return files;
  }

  /** The files of one office folder, sorted by name. */
  public static List<InboxFile> officeFiles(
      FileSystem fs, Path folder, String officeId, Period period) throws IOException {
    List<FileStatus> contents = new ArrayList<>();
    for (FileStatus file : fs.listStatus(folder)) {
      if (file.isFile() && !isHidden(file.getPath().getName())) {
        contents.add(file);
      }
    }
    contents.sort(Comparator.comparing(status -> status.getPath().getName()));
    Map<Dataset, List<String>> byDataset = new LinkedHashMap<>();
    for (FileStatus file : contents) {
      String name = file.getPath().getName();
      dataset(name)
          .ifPresent(
              dataset -> byDataset.computeIfAbsent(dataset, d -> new ArrayList<>()).add(name));
    }
    List<InboxFile> files = new ArrayList<>();
    for (FileStatus file : contents) {
      String name = file.getPath().getName();
      Optional<Dataset> dataset = dataset(name);
      files.add(
          new InboxFile(
              officeId,
              file.getPath().toString(),
              period + "/" + officeId + "/" + name,
              dataset.orElse(null),
              dataset.map(byDataset::get).orElse(List.of()),
              file.getLen()));
    }
    return files;
  }

  private static Optional<Dataset> dataset(String fileName) {
    return Dataset.ofFileName(fileName).filter(d -> hasDataExtension(fileName));
  }

  private static boolean hasDataExtension(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".xlsx");
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("~$") || name.startsWith("_");
  }
}
