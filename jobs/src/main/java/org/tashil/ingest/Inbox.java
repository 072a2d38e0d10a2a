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
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersonalValues;

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
    Path inboxFolder = new Path(inbox.replaceAll("/+$", ""));
    Path periodFolder = new Path(inboxFolder, period.toString());
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
        files.addAll(officeFiles(fs, office.getPath(), inboxFolder, name, period));
      }
    }
    return files;
  }

  /**
   * The entries of one office folder, sorted by name.
   *
   * @param linksStayIn the folder a link may point into (the inbox; the office folder itself for
   *     {@code validate}); a link that leaves it is never followed
   */
  public static List<InboxFile> officeFiles(
      FileSystem fs, Path folder, Path linksStayIn, String officeId, Period period) {
    // Names are kept with any national id or phone number in them masked: a scan named after a
    // person's national id is listed, never named.
    String prefix = period + "/" + PersonalValues.masked(folder.getName()) + "/";
    List<Entry> contents;
    try {
      contents =
          "file".equals(fs.getUri().getScheme())
              ? listLocal(folder, fs.makeQualified(linksStayIn))
              : listHadoop(fs, folder);
    } catch (IOException | RuntimeException e) {
      return List.of(
          new InboxFile(
              officeId,
              folder.toString(),
              prefix,
              null,
              List.of(),
              0,
              0,
              InboxFile.Kind.UNREADABLE,
              reason(e)));
    }
    Map<OfficeDataset, List<String>> byDataset = new LinkedHashMap<>();
    for (Entry entry : contents) {
      dataset(entry.name())
          .ifPresent(
              dataset ->
                  byDataset.computeIfAbsent(dataset, d -> new ArrayList<>()).add(entry.name()));
    }
    List<InboxFile> files = new ArrayList<>();
    for (Entry entry : contents) {
      Optional<OfficeDataset> dataset = dataset(entry.name());
      InboxFile.Kind kind =
          entry.kind() == InboxFile.Kind.DATASET && dataset.isEmpty()
              ? InboxFile.Kind.OTHER
              : entry.kind();
      files.add(
          new InboxFile(
              officeId,
              entry.uri(),
              prefix + PersonalValues.masked(entry.name()),
              dataset.orElse(null),
              dataset.map(byDataset::get).orElse(List.of()),
              entry.size(),
              entry.modified(),
              kind,
              entry.reason()));
    }
    return files;
  }

  /**
   * An entry of an office folder as listed: {@link InboxFile.Kind#DATASET} stands for a readable
   * regular file, which is a dataset file when its name says so; {@code modified} is its
   * modification time in milliseconds since the epoch, 0 when not known.
   */
  private record Entry(
      String name, String uri, InboxFile.Kind kind, long size, long modified, String reason) {

    Entry(String name, String uri, InboxFile.Kind kind, long size, String reason) {
      this(name, uri, kind, size, 0, reason);
    }
  }

  private static List<Entry> listHadoop(FileSystem fs, Path folder) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (FileStatus status : fs.listStatus(folder)) {
      String name = status.getPath().getName();
      if (!isHidden(name)) {
        InboxFile.Kind kind = status.isFile() ? InboxFile.Kind.DATASET : InboxFile.Kind.OTHER;
        entries.add(
            new Entry(
                name,
                status.getPath().toString(),
                kind,
                status.getLen(),
                status.getModificationTime(),
                null));
      }
    }
    entries.sort(Comparator.comparing(Entry::name));
    return entries;
  }

  /**
   * A local folder, listed and inspected through the operating system: Hadoop's local listing
   * leaves out a link that points nowhere and shows a named pipe as an empty file.
   */
  private static List<Entry> listLocal(Path folder, Path linksStayIn) throws IOException {
    java.nio.file.Path local = java.nio.file.Path.of(folder.toUri());
    java.nio.file.Path boundary = java.nio.file.Path.of(linksStayIn.toUri()).toRealPath();
    List<Entry> entries = new ArrayList<>();
    try (java.util.stream.Stream<java.nio.file.Path> list = Files.list(local)) {
      for (java.nio.file.Path path : list.toList()) {
        String name = path.getFileName().toString();
        if (!isHidden(name)) {
          entries.add(inspect(path, name, boundary));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::name));
    return entries;
  }

  /** What a local entry is, found without opening it. */
  private static Entry inspect(java.nio.file.Path path, String name, java.nio.file.Path boundary) {
    // As Hadoop writes a path (unescaped), the form every InboxFile's uri takes.
    String uri = new Path(path.toUri()).toString();
    try {
      BasicFileAttributes link =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (link.isSymbolicLink()) {
        if (!path.toRealPath().startsWith(boundary)) {
          return new Entry(name, uri, InboxFile.Kind.LINK_OUTSIDE, 0, null);
        }
      }
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isOther()) {
        return new Entry(name, uri, InboxFile.Kind.NOT_REGULAR, 0, null);
      }
      if (!attributes.isRegularFile()) {
        return new Entry(name, uri, InboxFile.Kind.OTHER, 0, null);
      }
      if (!Files.isReadable(path)) {
        return new Entry(
            name, uri, InboxFile.Kind.UNREADABLE, attributes.size(), "permission denied");
      }
      return new Entry(
          name,
          uri,
          InboxFile.Kind.DATASET,
          attributes.size(),
          attributes.lastModifiedTime().toMillis(),
          null);
    } catch (IOException | RuntimeException e) {
      return new Entry(name, uri, InboxFile.Kind.UNREADABLE, 0, reason(e));
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

  private static Optional<OfficeDataset> dataset(String fileName) {
    return OfficeDataset.ofFileName(fileName).filter(d -> hasDataExtension(fileName));
  }

  private static boolean hasDataExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".xlsx");
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("~$") || name.startsWith("_");
  }
}
