package org.tashil.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.calendar.Period;
import org.tashil.schema.Dataset;

/**
 * The offices' folders of one period: {@code <inbox>/<period>/<office_id>/<dataset>.(csv|xlsx)}
 * (contract §2), on any Hadoop file system. Listing opens nothing: it says what each entry is, so
 * that only dataset files are ever read. Hidden files and Excel's lock files ({@code ~$…}) are not
 * files an office sent and are left out.
 *
 * <p>On a local disk, where a folder can hold a named pipe, a device or a link to one (which Hadoop
 * lists as an empty file, and reading which can wait forever), each entry is inspected through the
 * operating system without following links; a link is followed only when it stays inside the inbox.
 */
public final class Inbox {

  private Inbox() {}

  /**
   * Every entry of the period's office folders, sorted by office and name; an office folder that
   * cannot be listed is one {@link InboxFile.Kind#UNREADABLE} entry.
   *
   * @throws FileNotFoundException when the inbox has no folder for the period (nothing sent yet)
   */
  public static List<InboxFile> list(String inbox, Period period, Configuration hadoop)
      throws IOException {
    Path periodFolder = new Path(inbox.replaceAll("/+$", "") + "/" + period);
    FileSystem fs = periodFolder.getFileSystem(hadoop);
    if (!fs.exists(periodFolder)) {
      throw new FileNotFoundException(
          "the inbox has no folder for period " + period + ": " + periodFolder);
    }
    if (!fs.getFileStatus(periodFolder).isDirectory()) {
      throw new IOException("the inbox's " + period + " is not a folder: " + periodFolder);
    }
    List<InboxFile> files = new ArrayList<>();
    FileStatus[] offices = fs.listStatus(periodFolder);
    Arrays.sort(offices, Comparator.comparing(status -> status.getPath().getName()));
    for (FileStatus office : offices) {
      String name = office.getPath().getName();
      if (office.isDirectory() && !isHidden(name)) {
        files.addAll(officeFiles(fs, office.getPath(), name, period));
      }
    }
    return files;
  }

  /** The entries of one office folder, sorted by name. */
  public static List<InboxFile> officeFiles(
      FileSystem fs, Path folder, String officeId, Period period) {
    String prefix = period + "/" + folder.getName() + "/";
    List<FileStatus> contents = new ArrayList<>();
    try {
      for (FileStatus file : fs.listStatus(folder)) {
        if (!isHidden(file.getPath().getName())) {
          contents.add(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of(
          new InboxFile(
              officeId,
              folder.toString(),
              prefix,
              null,
              List.of(),
              0,
              InboxFile.Kind.UNREADABLE,
              reason(e)));
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
      Entry entry = inspect(fs, file, dataset.isPresent());
      files.add(
          new InboxFile(
              officeId,
              file.getPath().toString(),
              prefix + name,
              dataset.orElse(null),
              dataset.map(byDataset::get).orElse(List.of()),
              entry.size(),
              entry.kind(),
              entry.reason()));
    }
    return files;
  }

  private record Entry(InboxFile.Kind kind, long size, String reason) {}

  /** What an entry is, found without opening it. */
  private static Entry inspect(FileSystem fs, FileStatus status, boolean datasetName) {
    if (!"file".equals(fs.getUri().getScheme())) {
      InboxFile.Kind kind =
          status.isFile() && datasetName ? InboxFile.Kind.DATASET : InboxFile.Kind.OTHER;
      return new Entry(kind, status.getLen(), null);
    }
    java.nio.file.Path path = java.nio.file.Path.of(status.getPath().toUri());
    try {
      BasicFileAttributes link =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (link.isSymbolicLink()) {
        java.nio.file.Path target = path.toRealPath();
        java.nio.file.Path inbox = path.getParent().getParent().getParent().toRealPath();
        if (!target.startsWith(inbox)) {
          return new Entry(InboxFile.Kind.LINK_OUTSIDE, 0, null);
        }
      }
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isOther()) {
        return new Entry(InboxFile.Kind.NOT_REGULAR, 0, null);
      }
      long size = attributes.isRegularFile() ? attributes.size() : 0;
      if (!attributes.isRegularFile() || !datasetName) {
        return new Entry(InboxFile.Kind.OTHER, size, null);
      }
      if (!Files.isReadable(path)) {
        return new Entry(InboxFile.Kind.UNREADABLE, size, "permission denied");
      }
      return new Entry(InboxFile.Kind.DATASET, size, null);
    } catch (IOException | RuntimeException e) {
      return new Entry(InboxFile.Kind.UNREADABLE, status.getLen(), reason(e));
    }
  }

  /** The system's reason, without the path (which the record already names). */
  static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.FileSystemException system && system.getReason() != null) {
      message = system.getReason();
    } else if (e instanceof java.nio.file.NoSuchFileException) {
      message = "no such file (a link that points nowhere?)";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      message = "permission denied";
    }
    String oneLine = message.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }

  private static Optional<Dataset> dataset(String fileName) {
    return Dataset.ofFileName(fileName).filter(d -> hasDataExtension(fileName));
  }

  private static boolean hasDataExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".xlsx");
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("~$") || name.startsWith("_");
  }
}
