package org.tashil.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;
import org.tashil.text.PersianText;
import org.tashil.text.PersonalValues;

/**
 * Turns one entry of an office folder into its {@link FileOutcome}s: reads it, maps its header,
 * drops personal columns, checks every row and every key. Pure Java, no Spark: {@code validate}
 * runs it on an office's folder, {@code ingest} inside Spark tasks.
 *
 * <p>Only a dataset file is ever opened, and it is read in passes that each hold one record, not
 * the file: a scan of its bytes (checksum, size, encoding), a pass over its records for the
 * structure and the keys that repeat, and the pass that checks and gives out the rows. A file that
 * changed between the passes is rejected: what goes in is what the checksum names.
 */
public final class FileChecker {

  /** The default largest dataset file read: larger ones are rejected with their size. */
  public static final long DEFAULT_MAX_FILE_SIZE = 256L << 20;

  private static final String WITHHELD = "(withheld: not a pseudonymous code)";

  /** The lines a DUPLICATE_KEY message names, at most. */
  private static final int LINES_SHOWN = 10;

  private final Registry registry;
  private final Period period;
  private final long maxFileSize;

  public FileChecker(Registry registry, Period period, long maxFileSize) {
    this.registry = registry;
    this.period = period;
    if (maxFileSize < 1) {
      throw new IllegalArgumentException("max-file-size must be at least 1 byte");
    }
    this.maxFileSize = maxFileSize;
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
      return prepare(file, officeId, bytes);
    } catch (IOException | RuntimeException e) {
      if (bytes != null) {
        bytes.close();
      }
      return new Check(unreadable(file, officeId, null, e));
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
          submission(file, officeId, "unknown", null, null, Submission.IGNORED, List.of(note)));
    }
    String dataset = file.dataset() == null ? "unknown" : file.dataset().tableName();
    return reasonNotToOpen(file, dataset)
        .map(
            note ->
                submission(
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
        yield file.size() > maxFileSize ? Optional.of(tooLarge(file.size())) : Optional.empty();
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

  private Note tooLarge(long size) {
    return Note.of("file.too_large", Sizes.describe(size), Sizes.describe(maxFileSize));
  }

  /** The first two passes: the bytes, then the records' structure and keys. */
  private Check prepare(InboxFile file, String officeId, FileBytes bytes) throws IOException {
    OfficeDataset dataset = file.dataset();
    FileScan scan;
    try (InputStream in = bytes.open()) {
      scan = file.isWorkbook() ? FileScan.of(in, maxFileSize) : FileScan.ofText(in, maxFileSize);
    }
    UnreadableFileException wrong = null;
    if (scan.largerThan(maxFileSize)) {
      bytes.close();
      return new Check(rejected(file, officeId, null, tooLarge(scan.bytes())));
    }
    if (scan.bytes() == 0) {
      wrong = new UnreadableFileException("file.empty");
    } else if (scan.binaryAt() >= 0) {
      wrong = new UnreadableFileException("file.binary", scan.binaryAt());
    }
    if (wrong != null) {
      bytes.close();
      return new Check(rejected(file, officeId, scan.sha256(), note(wrong)));
    }
    HeaderMapping mapping;
    DuplicateKeys keys = new DuplicateKeys();
    int records = 0;
    try (TableSource source = open(file, bytes, scan)) {
      mapping = HeaderMapping.of(dataset, source.header(), registry.aliases());
      Optional<Submission> badHeader = badHeader(file, officeId, scan, source, mapping);
      if (badHeader.isPresent()) {
        bytes.close();
        return new Check(badHeader.get());
      }
      int keyPosition = mapping.positions().get(dataset.schema().keyColumn());
      for (RawRecord record = source.next(); record != null; record = source.next()) {
        records++;
        if (wellFormed(source, record) && keyPosition < record.values().size()) {
          String key = PersianText.normalize(record.values().get(keyPosition));
          if (key != null) {
            keys.add(key, record.line());
          }
        }
      }
    } catch (UnreadableFileException e) {
      bytes.close();
      return new Check(rejected(file, officeId, scan.sha256(), note(e)));
    }
    return new Check(new Rows(file, officeId, bytes, scan, mapping, keys, records));
  }

  private TableSource open(InboxFile file, FileBytes bytes, FileScan scan)
      throws IOException, UnreadableFileException {
    if (file.isWorkbook()) {
      return WorkbookSource.open(bytes.localFile());
    }
    InputStream in = bytes.open();
    try {
      return CsvSource.open(in, scan.encoding());
    } catch (IOException | UnreadableFileException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * A header that lacks a required column (perhaps no header at all: its cells would be a first row
   * of names and numbers) rejects the file naming no cell of it; one with a column twice rejects it
   * naming the column.
   */
  private Optional<Submission> badHeader(
      InboxFile file, String officeId, FileScan scan, TableSource source, HeaderMapping mapping) {
    OfficeDataset dataset = file.dataset();
    List<String> missing = mapping.missing(dataset);
    Note reason;
    if (!missing.isEmpty()) {
      reason =
          Note.of(
              "file.missing_columns",
              source.header().size(),
              dataset.schema().requiredHeaders().size() - missing.size(),
              String.join(", ", missing));
      return Optional.of(
          submission(
              file,
              officeId,
              scan,
              source,
              RowCounts.NONE,
              Submission.REJECTED,
              List.of(reason),
              null));
    }
    if (!mapping.duplicated().isEmpty()) {
      reason = Note.of("file.duplicate_columns", String.join(", ", mapping.duplicated()));
      List<Note> notes = new ArrayList<>(List.of(reason));
      notes.addAll(encodingNotes(source));
      addColumnNotes(mapping, notes);
      return Optional.of(
          submission(
              file, officeId, scan, source, RowCounts.NONE, Submission.REJECTED, notes, mapping));
    }
    return Optional.empty();
  }

  /**
   * Whether a record's fields line up with the header: in a CSV file, its field count is the
   * header's (else its values sit under the wrong columns); a worksheet's cells have their column.
   */
  private static boolean wellFormed(TableSource source, RawRecord record) {
    return !source.format().equals("csv") || record.values().size() == source.header().size();
  }

  /** The third pass: every record checked and given out, then the submission. */
  private final class Rows implements Closeable {
    private final InboxFile file;
    private final String officeId;
    private final FileBytes bytes;
    private final FileScan scan;
    private final HeaderMapping mapping;
    private final DuplicateKeys keys;
    private final int expectedRecords;
    private final RowChecker checker;
    private TableSource source;
    private int read;
    private int accepted;
    private int quarantined;
    private int masked;

    Rows(
        InboxFile file,
        String officeId,
        FileBytes bytes,
        FileScan scan,
        HeaderMapping mapping,
        DuplicateKeys keys,
        int expectedRecords) {
      this.file = file;
      this.officeId = officeId;
      this.bytes = bytes;
      this.scan = scan;
      this.mapping = mapping;
      this.keys = keys;
      this.expectedRecords = expectedRecords;
      this.checker = new RowChecker(file.dataset(), registry, officeId, period);
    }

    /** The next row, or the submission once the rows are done; never null. */
    FileOutcome next() {
      try {
        if (source == null) {
          source = open(file, bytes, scan);
        }
        RawRecord record = source.next();
        if (record != null) {
          read++;
          return check(record);
        }
        return finish();
      } catch (UnreadableFileException e) {
        close();
        return rejected(file, officeId, scan.sha256(), note(e));
      } catch (IOException | RuntimeException e) {
        close();
        return unreadable(file, officeId, scan.sha256(), e);
      }
    }

    private FileOutcome check(RawRecord record) {
      OfficeDataset dataset = file.dataset();
      if (!wellFormed(source, record)) {
        quarantined++;
        return new FileOutcome.Quarantined(
            dataset,
            officeId,
            file.path(),
            new QuarantinedRow(
                record.line(),
                Map.of(),
                List.of(
                    Problem.ofRow(
                        ProblemCode.BAD_ROW,
                        "value.bad_row",
                        record.values().size(),
                        source.header().size()))));
      }
      Map<String, String> texts = new HashMap<>();
      Set<String> uncomputed = new HashSet<>();
      mapping
          .positions()
          .forEach(
              (column, index) -> {
                if (index < record.values().size()) {
                  texts.put(column, PersianText.normalize(record.values().get(index)));
                }
                if (record.uncomputed().contains(index)) {
                  uncomputed.add(column);
                }
              });
      RowChecker.CheckedRow checked = checker.check(texts, uncomputed);
      List<Problem> problems = withDuplicateKey(dataset, checked);
      if (problems.isEmpty()) {
        accepted++;
        masked += checked.valuesMasked();
        return new FileOutcome.CleanRow(
            dataset, officeId, file.path(), record.line(), checked.values());
      }
      quarantined++;
      return new FileOutcome.Quarantined(
          dataset,
          officeId,
          file.path(),
          new QuarantinedRow(record.line(), raw(dataset, record), problems));
    }

    /** The row's problems, with DUPLICATE_KEY when its key is on other lines too. */
    private List<Problem> withDuplicateKey(OfficeDataset dataset, RowChecker.CheckedRow checked) {
      String keyColumn = dataset.schema().keyColumn();
      Object key = checked.values()[dataset.schema().indexOf(keyColumn)];
      Optional<int[]> lines = key == null ? Optional.empty() : keys.linesOf((String) key);
      if (lines.isEmpty()) {
        return checked.problems();
      }
      List<Problem> problems = new ArrayList<>(checked.problems());
      problems.add(
          Problem.of(
              ProblemCode.DUPLICATE_KEY,
              keyColumn,
              "value.duplicate_key",
              keyColumn,
              key,
              linesText(lines.get())));
      problems.sort(
          java.util.Comparator.comparingInt(
              p -> p.column() == null ? -1 : dataset.schema().indexOf(p.column())));
      return problems;
    }

    /** The lines of a repeated key; the first few when there are many (a key filled down). */
    private static String linesText(int[] lines) {
      String shown =
          String.join(
              ", ",
              java.util.Arrays.stream(lines).limit(LINES_SHOWN).mapToObj(String::valueOf).toList());
      return lines.length <= LINES_SHOWN ? shown : shown + ", … (" + lines.length + " lines)";
    }

    /**
     * The row's canonical columns as written, empty cells as null, national ids and phone numbers
     * masked. A value that fails its column's pattern (a household code that is not a pseudonymous
     * code) is withheld: it may be a name.
     */
    private Map<String, String> raw(OfficeDataset dataset, RawRecord record) {
      Map<String, String> raw = new LinkedHashMap<>();
      mapping
          .positions()
          .forEach(
              (column, index) -> {
                String value = index < record.values().size() ? record.values().get(index) : null;
                String pattern = dataset.schema().column(column).map(Column::pattern).orElse(null);
                if (value == null || value.isBlank()) {
                  value = null;
                } else if (pattern != null
                    && !Pattern.matches(pattern, PersianText.normalize(value))) {
                  value = WITHHELD;
                } else {
                  value = PersonalValues.masked(value);
                }
                raw.put(column, value);
              });
      return raw;
    }

    /** The submission, once every record was read, and the file is still the one first read. */
    private Submission finish() throws IOException {
      closeSource();
      // Read again from the bytes the passes read: the file itself on a local disk, the one copy
      // of a workbook from HDFS or S3 (which is not fetched a second time).
      FileScan again;
      try (InputStream in = bytes.open()) {
        again = FileScan.of(in, maxFileSize);
      } finally {
        bytes.close();
      }
      if (read != expectedRecords || !again.sha256().equals(scan.sha256())) {
        return rejected(file, officeId, scan.sha256(), Note.of("file.changed"));
      }
      List<Note> notes = new ArrayList<>(encodingNotes(source));
      if (read == 0) {
        notes.add(Note.of("file.header_only"));
      }
      if (quarantined > 0) {
        notes.add(Note.of("file.rows_rejected", quarantined, read));
      }
      if (masked > 0) {
        notes.add(Note.of("file.values_masked", masked));
      }
      addColumnNotes(mapping, notes);
      String status = quarantined == 0 ? Submission.ACCEPTED : Submission.PARTIAL;
      return submission(
          file,
          officeId,
          scan,
          source,
          new RowCounts(read, accepted, quarantined),
          status,
          notes,
          mapping);
    }

    @Override
    public void close() {
      try {
        closeSource();
      } finally {
        bytes.close();
      }
    }

    private void closeSource() {
      try {
        if (source != null) {
          source.close();
        }
      } catch (IOException e) {
        // Closing what was read adds nothing to what the file gave.
      }
    }
  }

  /**
   * The outcomes of one entry, read as they are asked for; the submission comes last. Leaving it
   * before the end and closing it releases the file.
   */
  public static final class Check implements Iterator<FileOutcome>, AutoCloseable {
    private final Rows rows;
    private FileOutcome next;
    private boolean done;

    private Check(Submission only) {
      this.rows = null;
      this.next = only;
    }

    private Check(Rows rows) {
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

  private static List<Note> encodingNotes(TableSource source) {
    return "windows-1256".equals(source.encoding())
        ? List.of(Note.of("file.decoded_windows1256"))
        : List.of();
  }

  private static void addColumnNotes(HeaderMapping mapping, List<Note> notes) {
    if (!mapping.dropped().isEmpty()) {
      notes.add(Note.of("file.dropped", String.join(", ", mapping.dropped())));
    }
    if (!mapping.ignored().isEmpty()) {
      notes.add(Note.of("file.ignored", String.join(", ", mapping.ignored())));
    }
  }

  private static Note note(UnreadableFileException reason) {
    return new Note(reason.messageKey(), reason.arguments());
  }

  /** A file that could not be read: the system's reason, never the file's contents. */
  private Submission unreadable(InboxFile file, String officeId, String sha256, Exception e) {
    String reason =
        e instanceof IOException
            ? Inbox.reason(e)
            : e.getClass().getSimpleName() + " (a fault in Tashil; please report it)";
    return rejected(file, officeId, sha256, Note.of("file.cannot_read", reason));
  }

  private Submission rejected(InboxFile file, String officeId, String sha256, Note reason) {
    return submission(
        file,
        officeId,
        file.dataset().tableName(),
        sha256,
        file.format(),
        Submission.REJECTED,
        List.of(reason));
  }

  /** What a file that was read gave: its rows, or none when its header was not usable. */
  private record RowCounts(int read, int accepted, int quarantined) {
    static final RowCounts NONE = new RowCounts(0, 0, 0);
  }

  /** The submission of a file that was read, as its source and its header mapping describe it. */
  private Submission submission(
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
        null);
  }

  /** The submission of a file none of whose rows was read. */
  private Submission submission(
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
        null);
  }

  /** The SHA-256 of {@code bytes} in hex: a file's checksum, the one way Tashil computes it. */
  public static String sha256(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(FileScan.sha256Digest().digest(bytes));
  }
}
