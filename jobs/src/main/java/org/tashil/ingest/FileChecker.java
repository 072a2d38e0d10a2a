package org.tashil.ingest;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.text.PersonalValues;

/**
 * Turns one entry of an office folder into its {@link FileOutcome}s: reads it, maps its header,
 * drops personal columns, checks every row and every key. Pure Java, no Spark: {@code validate}
 * runs it on an office's folder, {@code ingest} inside Spark tasks.
 *
 * <p>Only a dataset file is ever opened; which entries are not is decided here. A dataset file is
 * read in passes that each hold one record, not the file: a scan of its bytes (checksum, size,
 * encoding) and a pass over its records for the structure and the keys that repeat ({@link
 * StructurePass}), and the pass that checks and gives out the rows ({@link RowPass}). A file that
 * changed between the passes is rejected: what goes in is what the checksum names.
 */
public final class FileChecker {

  /** The default largest dataset file read: larger ones are rejected with their size. */
  public static final long DEFAULT_MAX_FILE_SIZE = 256L << 20;

  private final Registry registry;
  private final long maxFileSize;
  private final FileSubmissions submissions;
  private final StructurePass structurePass;

  public FileChecker(Registry registry, Period period, long maxFileSize) {
    this.registry = registry;
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("max-file-size must be at least 1 byte");
    }
    this.maxFileSize = maxFileSize;
    this.submissions = new FileSubmissions(period);
    this.structurePass = new StructurePass(registry, period, maxFileSize, submissions);
  }

  /**
   * Checks one entry of an office folder: its rows one by one as they are read, then its
   * submission. Close the iterator when it is left before its end.
   */
  public Check check(InboxFile file, Configuration hadoop) {
    Optional<Submission> unopened = withoutOpening(file);
    if (unopened.isPresent()) {
      return new Check(unopened.get());
    }
    String officeId = registry.office(file.officeId()).map(Office::id).orElseThrow();
    FileBytes bytes = null;
    try {
      bytes = new FileBytes(file, hadoop, maxFileSize);
      return structurePass.check(file, officeId, bytes);
    } catch (IOException | RuntimeException e) {
      if (bytes != null) {
        bytes.close();
      }
      return new Check(submissions.unreadable(file, officeId, null, e));
    }
  }

  /** A file's whole outcome at once, its clean rows included: for small files, in tests. */
  public FileOutcome.Whole checkWhole(InboxFile file, Configuration hadoop) {
    return collect(file, hadoop, true);
  }

  /**
   * A file's submission and its quarantined rows, without its clean rows, which could be millions:
   * what {@code validate} shows an office.
   */
  public FileOutcome.Whole checkForRejectedRows(InboxFile file, Configuration hadoop) {
    return collect(file, hadoop, false);
  }

  private FileOutcome.Whole collect(InboxFile file, Configuration hadoop, boolean keepAccepted) {
    List<FileOutcome.CleanRow> accepted = new ArrayList<>();
    List<QuarantinedRow> quarantined = new ArrayList<>();
    try (Check check = check(file, hadoop)) {
      while (check.hasNext()) {
        FileOutcome outcome = check.next();
        if (outcome instanceof FileOutcome.CleanRow row) {
          if (keepAccepted) {
            accepted.add(row);
          }
        } else if (outcome instanceof FileOutcome.Quarantined row) {
          quarantined.add(row.row());
        } else if (outcome instanceof Submission submission) {
          boolean rejected = Submission.REJECTED.equals(submission.status());
          return new FileOutcome.Whole(
              submission, rejected ? List.of() : accepted, rejected ? List.of() : quarantined);
        }
      }
    }
    throw new IllegalStateException(file.path() + ": a check ends with its submission");
  }

  /**
   * The submission of an entry that is not to be opened at all, if it is one: ignored when it is
   * not a dataset file, rejected unread when opening it could hang, fail or mislead.
   */
  private Optional<Submission> withoutOpening(InboxFile file) {
    String officeId =
        registry
            .office(file.officeId())
            .map(Office::id)
            .orElse(PersonalValues.masked(file.officeId()));
    if (file.kind() == InboxFile.Kind.OTHER) {
      Note note = Note.of("file.not_dataset", Sizes.describe(file.size()));
      return Optional.of(
          submissions.unread(
              file, officeId, "unknown", null, null, Submission.IGNORED, List.of(note)));
    }
    String dataset = file.dataset() == null ? "unknown" : file.dataset().tableName();
    return reasonNotToOpen(file, dataset)
        .map(
            note ->
                submissions.unread(
                    file,
                    officeId,
                    dataset,
                    null,
                    file.format(),
                    Submission.REJECTED,
                    List.of(note)));
  }

  /** Why an entry that is not ignored must not be opened, if it must not. */
  private Optional<Note> reasonNotToOpen(InboxFile file, String dataset) {
    return switch (file.kind()) {
      case OTHER, DATASET -> {
        if (registry.office(file.officeId()).isEmpty()) {
          yield Optional.of(Note.of("file.unknown_office", file.officeId()));
        }
        if (file.sameDataset().size() > 1) {
          yield Optional.of(
              Note.of(
                  "file.two_files",
                  file.sameDataset().size(),
                  dataset,
                  String.join(", ", file.sameDataset())));
        }
        yield file.size() > maxFileSize
            ? Optional.of(FileSubmissions.tooLarge(file.size(), maxFileSize))
            : Optional.empty();
      }
      case NOT_REGULAR -> Optional.of(Note.of("file.not_regular"));
      case LINK_OUTSIDE -> Optional.of(Note.of("file.link_outside"));
      case UNREADABLE ->
          Optional.of(
              file.path().endsWith("/")
                  ? Note.of("file.folder_unreadable", file.reason())
                  : Note.of("file.cannot_read", file.reason()));
    };
  }

  /**
   * The outcomes of one entry, read as they are asked for; the submission comes last. Leaving it
   * before the end and closing it releases the file.
   */
  public static final class Check implements Iterator<FileOutcome>, AutoCloseable {
    private final RowPass rows;
    private FileOutcome next;
    private boolean done;

    Check(Submission only) {
      this.rows = null;
      this.next = only;
    }

    Check(RowPass rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done && rows != null) {
        next = rows.next();
      }
      return next != null;
    }

    @Override
    public FileOutcome next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FileOutcome outcome = next;
      next = null;
      if (outcome instanceof Submission) {
        done = true;
      }
      return outcome;
    }

    @Override
    public void close() {
      done = true;
      if (rows != null) {
        rows.close();
      }
    }
  }

  /** A new SHA-256 digest, for a checksum of text fed in parts. */
  public static MessageDigest sha256Digest() {
    return FileScan.sha256Digest();
  }

  /** The SHA-256 of {@code bytes} in hex: a file's checksum, the one way Tashil computes it. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(FileScan.sha256Digest().digest(bytes));
  }
}
