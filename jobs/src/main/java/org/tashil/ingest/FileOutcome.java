package org.tashil.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Everything one office file gives: its submission record, its clean rows and its rejected rows.
 */
public record FileOutcome(
    Submission submission, List<CleanRow> accepted, List<QuarantinedRow> quarantined)
    implements Serializable {

  public FileOutcome {
    accepted = List.copyOf(accepted);
    quarantined = List.copyOf(quarantined);
  }

  /** A row that passed every rule: its typed values in schema order. */
  public record CleanRow(int line, Object[] values) implements Serializable {}
}
