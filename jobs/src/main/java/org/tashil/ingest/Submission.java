package org.tashil.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One file received from an office, as the {@code submissions} table records it (contract §4).
 *
 * @param dataset households, demands, activities, or {@code unknown} for a file of another name
 * @param file the file's path inside the inbox, {@code 1405-08/OF-01/demands.csv}
 * @param sha256 the file's checksum; null for a file that was never opened
 * @param status accepted (every row), partial (some rows quarantined), rejected (whole file), or
 *     ignored (not a dataset file: listed, never opened)
 * @param firstSeenOn the day a run first saw this file's checksum; null until the ingest sets it
 * @param arrivedOn the day the file arrived in the inbox ({@link ArrivalDay}), on which it is
 *     judged on time; null until the ingest sets it
 */
public record Submission(
    String period,
    String officeId,
    String dataset,
    String file,
    String sha256,
    String format,
    String encoding,
    String delimiter,
    int rowsRead,
    int rowsAccepted,
    int rowsQuarantined,
    String status,
    List<Note> notes,
    List<String> droppedColumns,
    List<String> ignoredColumns,
    LocalDate firstSeenOn,
    LocalDate arrivedOn)
    implements FileOutcome {

  public static final String ACCEPTED = "accepted";
  public static final String PARTIAL = "partial";
  public static final String REJECTED = "rejected";
  public static final String IGNORED = "ignored";

  public Submission {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(officeId, "officeId");
    Objects.requireNonNull(status, "status");
    notes = List.copyOf(notes);
    droppedColumns = List.copyOf(droppedColumns);
    ignoredColumns = List.copyOf(ignoredColumns);
    if (rowsRead != rowsAccepted + rowsQuarantined) {
      throw new IllegalStateException(
          file + ": rows read " + rowsRead + " != accepted + quarantined");
    }
  }

  /** The notes as one line, in the given language. */
  public String message(Locale locale) {
    return notes.stream().map(note -> note.message(locale)).collect(Collectors.joining("; "));
  }

  /**
   * The same submission, first seen by a run on {@code firstSeen}, arrived in the inbox on {@code
   * arrived}.
   */
  public Submission seen(LocalDate firstSeen, LocalDate arrived) {
    return new Submission(
        period,
        officeId,
        dataset,
        file,
        sha256,
        format,
        encoding,
        delimiter,
        rowsRead,
        rowsAccepted,
        rowsQuarantined,
        status,
        notes,
        droppedColumns,
        ignoredColumns,
        firstSeen,
        arrived);
  }
}
