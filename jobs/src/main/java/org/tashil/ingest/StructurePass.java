package org.tashil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersianText;

/**
 * The first two passes over a dataset file, each holding one record: its bytes ({@link FileScan}:
 * checksum, size, encoding), which reject a file too large, empty or binary; then its records, for
 * a header that names every required column once and for the keys that repeat. A file that passes
 * both goes on to its {@link RowPass}.
 */
final class StructurePass {

  private final Registry registry;
  private final Period period;
  private final long maxFileSize;
  private final FileSubmissions submissions;

  StructurePass(Registry registry, Period period, long maxFileSize, FileSubmissions submissions) {
    this.registry = registry;
    this.period = period;
    this.maxFileSize = maxFileSize;
    this.submissions = submissions;
  }

  /**
   * The file's check after the first two passes: its rejection, or its rows still to be read.
   * {@code bytes} are closed here unless the rows are still to be read.
   */
  FileChecker.Check check(InboxFile file, String officeId, FileBytes bytes) throws IOException {
    OfficeDataset dataset = file.dataset();
    FileScan scan;
    try (InputStream in = bytes.open()) {
      scan = file.isWorkbook() ? FileScan.of(in, maxFileSize) : FileScan.ofText(in, maxFileSize);
    }
    if (scan.largerThan(maxFileSize)) {
      // Read only up to the limit: its checksum would name a part of the file, so it has none.
      bytes.close();
      Note tooLarge = FileSubmissions.tooLarge(scan.bytes(), maxFileSize);
      return new FileChecker.Check(submissions.rejected(file, officeId, null, tooLarge));
    }
    Optional<Note> emptyOrBinary = emptyOrBinary(scan);
    if (emptyOrBinary.isPresent()) {
      bytes.close();
      return new FileChecker.Check(
          submissions.rejected(file, officeId, scan.sha256(), emptyOrBinary.get()));
    }
    HeaderMapping mapping;
    DuplicateKeys keys = new DuplicateKeys();
    int records = 0;
    try (TableSource source = open(file, bytes, scan)) {
      mapping = HeaderMapping.of(dataset, source.header(), registry.aliases());
      Optional<Submission> badHeader = badHeader(file, officeId, scan, source, mapping);
      if (badHeader.isPresent()) {
        bytes.close();
        return new FileChecker.Check(badHeader.get());
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
      return new FileChecker.Check(
          submissions.rejected(file, officeId, scan.sha256(), FileSubmissions.note(e)));
    }
    RowChecker checker = new RowChecker(dataset, registry, officeId, period);
    FileStructure structure = new FileStructure(file, officeId, scan, mapping, keys, records);
    return new FileChecker.Check(new RowPass(structure, bytes, checker, submissions, maxFileSize));
  }

  /** Why a file within the size limit is rejected before any record is read, if it is. */
  private static Optional<Note> emptyOrBinary(FileScan scan) {
    if (scan.bytes() == 0) {
      return Optional.of(FileSubmissions.note(new UnreadableFileException("file.empty")));
    }
    if (scan.binaryAt() >= 0) {
      return Optional.of(
          FileSubmissions.note(new UnreadableFileException("file.binary", scan.binaryAt())));
    }
    return Optional.empty();
  }

  /** The file's records from their start, after its header. */
  static TableSource open(InboxFile file, FileBytes bytes, FileScan scan)
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
    if (!missing.isEmpty()) {
      Note reason =
          Note.of(
              "file.missing_columns",
              source.header().size(),
              dataset.schema().requiredHeaders().size() - missing.size(),
              String.join(", ", missing));
      return Optional.of(rejectedHeader(file, officeId, scan, source, List.of(reason), null));
    }
    if (!mapping.duplicated().isEmpty()) {
      Note reason = Note.of("file.duplicate_columns", String.join(", ", mapping.duplicated()));
      List<Note> notes = new ArrayList<>(List.of(reason));
      notes.addAll(FileSubmissions.encodingNotes(source));
      FileSubmissions.addColumnNotes(mapping, notes);
      return Optional.of(rejectedHeader(file, officeId, scan, source, notes, mapping));
    }
    return Optional.empty();
  }

  /** A file rejected for its header, no row of it read; with no mapping, no column is listed. */
  private Submission rejectedHeader(
      InboxFile file,
      String officeId,
      FileScan scan,
      TableSource source,
      List<Note> notes,
      HeaderMapping mapping) {
    return submissions.read(
        file,
        officeId,
        scan,
        source,
        FileSubmissions.RowCounts.NONE,
        Submission.REJECTED,
        notes,
        mapping);
  }

  /**
   * Whether a record's fields line up with the header: in a CSV file, its field count is the
   * header's (else its values sit under the wrong columns); a worksheet's cells have their column.
   */
  static boolean wellFormed(TableSource source, RawRecord record) {
    return !source.format().equals("csv") || record.values().size() == source.header().size();
  }
}
