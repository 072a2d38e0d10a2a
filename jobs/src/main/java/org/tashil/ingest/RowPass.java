package org.tashil.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;
import org.tashil.text.PersianText;
import org.tashil.text.PersonalValues;

/**
 * The third pass over a dataset file: every record checked and given out as it is read, then the
 * submission, once the file is found to be still the one the first pass read.
 */
final class RowPass implements Closeable {

  private static final String WITHHELD = "(withheld: not a pseudonymous code)";

  /** The lines a DUPLICATE_KEY message names, at most. */
  private static final int LINES_SHOWN = 10;

  private final InboxFile file;
  private final String officeId;
  private final FileScan scan;
  private final HeaderMapping mapping;
  private final DuplicateKeys keys;
  private final int expectedRecords;
  private final FileBytes bytes;
  private final RowChecker checker;
  private final FileSubmissions submissions;
  private final long maxFileSize;
  private TableSource source;
  private int read;
  private int accepted;
  private int quarantined;
  private int masked;

  RowPass(
      FileStructure structure,
      FileBytes bytes,
      RowChecker checker,
      FileSubmissions submissions,
      long maxFileSize) {
    this.file = structure.file();
    this.officeId = structure.officeId();
    this.scan = structure.scan();
    this.mapping = structure.mapping();
    this.keys = structure.keys();
    this.expectedRecords = structure.records();
    this.bytes = bytes;
    this.checker = checker;
    this.submissions = submissions;
    this.maxFileSize = maxFileSize;
  }

  /** The next row, or the submission once the rows are done; never null. */
  FileOutcome next() {
    try {
      if (source == null) {
        source = StructurePass.open(file, bytes, scan);
      }
      RawRecord record = source.next();
      if (record != null) {
        read++;
        return check(record);
      }
      return finish();
    } catch (UnreadableFileException e) {
      close();
      return submissions.rejected(file, officeId, scan.sha256(), FileSubmissions.note(e));
    } catch (IOException | RuntimeException e) {
      close();
      return submissions.unreadable(file, officeId, scan.sha256(), e);
    }
  }

  private FileOutcome check(RawRecord record) {
    OfficeDataset dataset = file.dataset();
    if (!StructurePass.wellFormed(source, record)) {
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
        Comparator.comparingInt(
            p -> p.column() == null ? -1 : dataset.schema().indexOf(p.column())));
    return problems;
  }

  /** The lines of a repeated key; the first few when there are many (a key filled down). */
  private static String linesText(int[] lines) {
    String shown =
        String.join(
            ", ", Arrays.stream(lines).limit(LINES_SHOWN).mapToObj(String::valueOf).toList());
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
      return submissions.rejected(file, officeId, scan.sha256(), Note.of("file.changed"));
    }
    List<Note> notes = new ArrayList<>(FileSubmissions.encodingNotes(source));
    if (read == 0) {
      notes.add(Note.of("file.header_only"));
    }
    if (quarantined > 0) {
      notes.add(Note.of("file.rows_rejected", quarantined, read));
    }
    if (masked > 0) {
      notes.add(Note.of("file.values_masked", masked));
    }
    FileSubmissions.addColumnNotes(mapping, notes);
    String status = quarantined == 0 ? Submission.ACCEPTED : Submission.PARTIAL;
    return submissions.read(
        file,
        officeId,
        scan,
        source,
        new FileSubmissions.RowCounts(read, accepted, quarantined),
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
