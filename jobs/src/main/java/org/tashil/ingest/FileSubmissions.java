package org.tashil.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.tashil.calendar.Period;

/**
 * The submissions a check of one entry gives for a period, and the notes they carry: an entry left
 * unopened, a file rejected whole (its rows, if any were read, are not kept), and a file whose rows
 * were read, described by its source and its header mapping.
 */
final class FileSubmissions {

  private final Period period;

  FileSubmissions(Period period) {
    this.period = Objects.requireNonNull(period, "period");
  }

  /** What a file that was read gave: its rows, or none when its header was not usable. */
  record RowCounts(int read, int accepted, int quarantined) {
    static final RowCounts NONE = new RowCounts(0, 0, 0);

    RowCounts {
      if (accepted < 0 || quarantined < 0 || read != accepted + quarantined) {
        throw new IllegalArgumentException(
            read
                + " rows read are not "
                + accepted
                + " accepted and "
                + quarantined
                + " quarantined");
      }
    }
  }

  /** A file that could not be read: the system's reason, never the file's contents. */
  Submission unreadable(InboxFile file, String officeId, String sha256, Exception e) {
    String reason =
        e instanceof IOException
            ? Inbox.reason(e)
            : e.getClass().getSimpleName() + " (a fault in Tashil; please report it)";
    return rejected(file, officeId, sha256, Note.of("file.cannot_read", reason));
  }

  /** A dataset file rejected whole, for {@code reason}. */
  Submission rejected(InboxFile file, String officeId, String sha256, Note reason) {
    return unread(
        file,
        officeId,
        file.dataset().tableName(),
        sha256,
        file.format(),
        Submission.REJECTED,
        List.of(reason));
  }

  /** The submission of a file that was read, as its source and its header mapping describe it. */
  Submission read(
      InboxFile file,
      String officeId,
      FileScan scan,
      TableSource source,
      RowCounts rows,
      String status,
      List<Note> notes,
      HeaderMapping mapping) {
    return new Submission(
        period.toString(),
        officeId,
        file.dataset().tableName(),
        file.path(),
        scan.sha256(),
        source.format(),
        source.encoding(),
        source.delimiter(),
        rows.read(),
        rows.accepted(),
        rows.quarantined(),
        status,
        notes,
        mapping == null ? List.of() : mapping.dropped(),
        mapping == null ? List.of() : mapping.ignored(),
        null,
        null);
  }

  /** The submission of a file none of whose rows was read. */
  Submission unread(
      InboxFile file,
      String officeId,
      String dataset,
      String sha256,
      String format,
      String status,
      List<Note> notes) {
    return new Submission(
        period.toString(),
        officeId,
        dataset,
        file.path(),
        sha256,
        format,
        null,
        null,
        0,
        0,
        0,
        status,
        notes,
        List.of(),
        List.of(),
        null,
        null);
  }

  static Note tooLarge(long size, long maxFileSize) {
    return Note.of("file.too_large", Sizes.describe(size), Sizes.describe(maxFileSize));
  }

  static Note note(UnreadableFileException reason) {
    return new Note(reason.messageKey(), reason.arguments());
  }

  static List<Note> encodingNotes(TableSource source) {
    return "windows-1256".equals(source.encoding())
        ? List.of(Note.of("file.decoded_windows1256"))
        : List.of();
  }

  static void addColumnNotes(HeaderMapping mapping, List<Note> notes) {
    if (!mapping.dropped().isEmpty()) {
      notes.add(Note.of("file.dropped", String.join(", ", mapping.dropped())));
    }
    if (!mapping.ignored().isEmpty()) {
      notes.add(Note.of("file.ignored", String.join(", ", mapping.ignored())));
    }
  }
}
