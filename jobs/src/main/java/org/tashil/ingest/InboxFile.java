package org.tashil.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.tashil.schema.OfficeDataset;

/**
 * An entry found in an office's folder of the inbox, and what kind of thing it is: a dataset file
 * to read, or something that is listed and never opened.
 *
 * @param uri where the entry is, on whatever file system the inbox lives, as Hadoop writes a path
 * @param path the entry's path inside the inbox, {@code 1405-08/OF-01/demands.csv}, with any
 *     national id or phone number in its names masked: what records and messages name it by
 * @param dataset the dataset its name stands for, null for any other name
 * @param sameDataset every file of the office for the same dataset (more than one is an error)
 * @param size its size in bytes as listed
 * @param modified its modification time as listed, in milliseconds since the epoch; 0 when not
 *     known. The day an office's file arrived in the inbox, when earlier than the day a run first
 *     saw it ({@link ArrivalDay}).
 * @param kind what it is; only a {@link Kind#DATASET} is ever opened
 * @param reason why an {@link Kind#UNREADABLE} entry could not be read, as the system said it
 */
public record InboxFile(
    String officeId,
    String uri,
    String path,
    OfficeDataset dataset,
    List<String> sameDataset,
    long size,
    long modified,
    Kind kind,
    String reason)
    implements Serializable {

  /** What an entry of an office folder is. */
  public enum Kind {
    /** A {@code households|demands|activities} {@code .csv|.xlsx} regular file: it is read. */
    DATASET,
    /** Any other file or folder (photos, PDFs, old Excel files): listed by name and size. */
    OTHER,
    /** A named pipe, a device or a socket: reading it could wait forever. */
    NOT_REGULAR,
    /** A link to something outside the inbox (a system file, a device). */
    LINK_OUTSIDE,
    /** A file or an office folder that the system would not let Tashil read. */
    UNREADABLE
  }

  public InboxFile {
    Objects.requireNonNull(officeId, "officeId");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(path, "path");
    sameDataset = List.copyOf(sameDataset);
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.DATASET && dataset == null) {
      throw new IllegalArgumentException(path + ": a dataset file names its dataset");
    }
  }

  /** The entry's name, {@code demands.csv}. */
  public String name() {
    return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
  }

  /** Its format by its name: {@code xlsx}, {@code csv}, or null for another name. */
  public String format() {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : null;
  }

  /** Whether it is a workbook (by its name). */
  public boolean isWorkbook() {
    return "xlsx".equals(format());
  }
}
