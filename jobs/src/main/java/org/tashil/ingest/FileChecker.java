package org.tashil.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.schema.Column;
import org.tashil.schema.Dataset;
import org.tashil.schema.Problem;
import org.tashil.schema.ProblemCode;
import org.tashil.text.PersianText;

/**
 * Turns one office file into a {@link FileOutcome}: reads it, maps its header, drops personal
 * columns, checks every row and every key. Pure Java, no Spark: {@code validate} runs it on an
 * office's folder, {@code ingest} runs it inside Spark tasks.
 */
public final class FileChecker {

  private static final String WITHHELD = "(withheld: not a pseudonymous code)";

  private final Registry registry;
  private final Period period;

  public FileChecker(Registry registry, Period period) {
    this.registry = registry;
    this.period = period;
  }

  /**
   * Checks a file that an office folder holds.
   *
   * @param path the file's path inside the inbox, {@code 1405-08/OF-01/demands.csv}
   */
  public FileOutcome check(String officeId, Dataset dataset, String path, byte[] bytes) {
    String sha256 = sha256(bytes);
    if (registry.office(officeId).isEmpty()) {
      return rejected(
          officeId,
          dataset.tableName(),
          path,
          sha256,
          null,
          new UnreadableFileException("file.unknown_office", officeId));
    }
    RawTable table;
    try {
      table = TableReader.read(path, bytes);
    } catch (UnreadableFileException e) {
      return rejected(officeId, dataset.tableName(), path, sha256, formatOf(path), e);
    }
    HeaderMapping mapping = HeaderMapping.of(dataset, table.header(), registry.aliases());
    List<Note> notes = new ArrayList<>();
    if ("windows-1256".equals(table.encoding())) {
      notes.add(Note.of("file.decoded_windows1256"));
    }
    if (!mapping.missing(dataset).isEmpty()) {
      return rejected(
          officeId,
          dataset.tableName(),
          path,
          sha256,
          table,
          new UnreadableFileException(
              "file.missing_columns",
              String.join(", ", mapping.missing(dataset)),
              table.records().size()),
          mapping,
          notes);
    }
    if (!mapping.duplicated().isEmpty()) {
      return rejected(
          officeId,
          dataset.tableName(),
          path,
          sha256,
          table,
          new UnreadableFileException(
              "file.duplicate_columns",
              String.join(", ", mapping.duplicated()),
              table.records().size()),
          mapping,
          notes);
    }
    RowChecker checker = new RowChecker(dataset, registry, officeId, period);
    List<RowChecker.CheckedRow> checked = new ArrayList<>(table.records().size());
    for (RawRecord record : table.records()) {
      checked.add(checker.check(normalised(mapping, record)));
    }
    List<List<Problem>> problems = markDuplicateKeys(dataset, table.records(), checked);
    List<FileOutcome.CleanRow> accepted = new ArrayList<>();
    List<QuarantinedRow> quarantined = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      RawRecord record = table.records().get(i);
      if (problems.get(i).isEmpty()) {
        accepted.add(new FileOutcome.CleanRow(record.line(), checked.get(i).values()));
      } else {
        quarantined.add(
            new QuarantinedRow(record.line(), raw(dataset, mapping, record), problems.get(i)));
      }
    }
    if (table.records().isEmpty()) {
      notes.add(Note.of("file.header_only"));
    }
    if (!quarantined.isEmpty()) {
      notes.add(Note.of("file.rows_rejected", quarantined.size(), table.records().size()));
    }
    addColumnNotes(mapping, notes);
    Submission submission =
        new Submission(
            period.toString(),
            officeId,
            dataset.tableName(),
            path,
            sha256,
            table.format(),
            table.encoding(),
            table.delimiter(),
            table.records().size(),
            accepted.size(),
            quarantined.size(),
            quarantined.isEmpty() ? Submission.ACCEPTED : Submission.PARTIAL,
            notes,
            mapping.dropped(),
            mapping.ignored(),
            null);
    return new FileOutcome(submission, accepted, quarantined);
  }

  /** A file in an office folder whose name is no dataset's: recorded, never read. */
  public FileOutcome unknownFile(String officeId, String path, byte[] bytes) {
    return rejected(
        officeId,
        "unknown",
        path,
        sha256(bytes),
        formatOf(path),
        new UnreadableFileException("file.unknown_name"));
  }

  /** A file whose check failed unexpectedly: recorded as rejected, with what went wrong. */
  public FileOutcome broken(
      String officeId, Dataset dataset, String path, byte[] bytes, RuntimeException cause) {
    return rejected(
        officeId,
        dataset == null ? "unknown" : dataset.tableName(),
        path,
        sha256(bytes),
        formatOf(path),
        new UnreadableFileException("file.unreadable", cause.toString()));
  }

  /** One of several files an office sent for one dataset: none of them is read. */
  public FileOutcome oneOfSeveral(
      String officeId, Dataset dataset, String path, byte[] bytes, List<String> siblings) {
    return rejected(
        officeId,
        dataset.tableName(),
        path,
        sha256(bytes),
        formatOf(path),
        new UnreadableFileException(
            "file.two_files", siblings.size(), dataset.tableName(), String.join(", ", siblings)));
  }

  private Map<String, String> normalised(HeaderMapping mapping, RawRecord record) {
    Map<String, String> texts = new HashMap<>();
    mapping
        .positions()
        .forEach(
            (column, index) -> {
              if (index < record.values().size()) {
                texts.put(column, PersianText.normalize(record.values().get(index)));
              }
            });
    return texts;
  }

  /**
   * The row's canonical columns as written, empty cells as null. A value that fails its column's
   * pattern (a household code that is not a pseudonymous code) is withheld: it may be a name.
   */
  private static Map<String, String> raw(Dataset dataset, HeaderMapping mapping, RawRecord record) {
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
              }
              raw.put(column, value);
            });
    return raw;
  }

  /** Every row whose key appears more than once in the file gets DUPLICATE_KEY. */
  private static List<List<Problem>> markDuplicateKeys(
      Dataset dataset, List<RawRecord> records, List<RowChecker.CheckedRow> checked) {
    String keyColumn = dataset.schema().keyColumn();
    int keyIndex = dataset.schema().indexOf(keyColumn);
    Map<Object, List<Integer>> linesByKey = new HashMap<>();
    for (int i = 0; i < checked.size(); i++) {
      Object key = checked.get(i).values()[keyIndex];
      if (key != null) {
        linesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    List<List<Problem>> problems = new ArrayList<>();
    for (RowChecker.CheckedRow row : checked) {
      problems.add(new ArrayList<>(row.problems()));
    }
    for (Map.Entry<Object, List<Integer>> entry : linesByKey.entrySet()) {
      List<Integer> rows = entry.getValue();
      if (rows.size() < 2) {
        continue;
      }
      String lines =
          String.join(", ", rows.stream().map(i -> String.valueOf(records.get(i).line())).toList());
      for (int i : rows) {
        List<Problem> list = problems.get(i);
        list.add(
            Problem.of(
                ProblemCode.DUPLICATE_KEY,
                keyColumn,
                "value.duplicate_key",
                keyColumn,
                entry.getKey(),
                lines));
        list.sort(java.util.Comparator.comparingInt(p -> dataset.schema().indexOf(p.column())));
      }
    }
    return problems;
  }

  private static void addColumnNotes(HeaderMapping mapping, List<Note> notes) {
    if (!mapping.dropped().isEmpty()) {
      notes.add(Note.of("file.dropped", String.join(", ", mapping.dropped())));
    }
    if (!mapping.ignored().isEmpty()) {
      notes.add(Note.of("file.ignored", String.join(", ", mapping.ignored())));
    }
  }

  private FileOutcome rejected(
      String officeId,
      String dataset,
      String path,
      String sha256,
      String format,
      UnreadableFileException reason) {
    Submission submission =
        new Submission(
            period.toString(),
            officeId,
            dataset,
            path,
            sha256,
            format,
            null,
            null,
            0,
            0,
            0,
            Submission.REJECTED,
            List.of(new Note(reason.messageKey(), reason.arguments())),
            List.of(),
            List.of(),
            null);
    return new FileOutcome(submission, List.of(), List.of());
  }

  private FileOutcome rejected(
      String officeId,
      String dataset,
      String path,
      String sha256,
      RawTable table,
      UnreadableFileException reason,
      HeaderMapping mapping,
      List<Note> earlierNotes) {
    List<Note> notes = new ArrayList<>(earlierNotes);
    notes.add(0, new Note(reason.messageKey(), reason.arguments()));
    addColumnNotes(mapping, notes);
    Submission submission =
        new Submission(
            period.toString(),
            officeId,
            dataset,
            path,
            sha256,
            table.format(),
            table.encoding(),
            table.delimiter(),
            0,
            0,
            0,
            Submission.REJECTED,
            notes,
            mapping.dropped(),
            mapping.ignored(),
            null);
    return new FileOutcome(submission, List.of(), List.of());
  }

  private static String formatOf(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : null;
  }

  /** The SHA-256 of {@code bytes} in hex: a file's checksum, the one way Tashil computes it. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
