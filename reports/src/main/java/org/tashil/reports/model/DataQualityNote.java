package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fact about the period's data that a planner should know before trusting a figure. Notes are
 * facts, not sentences: the reports word them in the report's language ("the office sent no demands
 * file", "14 rows were rejected: 9 with an unknown settlement, 5 with a missing value").
 */
public sealed interface DataQualityNote
    permits DataQualityNote.MissingFile,
        DataQualityNote.LateFile,
        DataQualityNote.RejectedFile,
        DataQualityNote.QuarantinedRows,
        DataQualityNote.PersonalColumnsDropped {

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of note, so a new kind breaks every wording at compile time. */
  interface Visitor<R> {
    R missingFile(MissingFile note);

    R lateFile(LateFile note);

    R rejectedFile(RejectedFile note);

    R quarantinedRows(QuarantinedRows note);

    R personalColumnsDropped(PersonalColumnsDropped note);
  }

  /** An active office sent no file of this kind although it was due. */
  record MissingFile(Dataset dataset) implements DataQualityNote {
    public MissingFile {
      requireNonNull(dataset, "dataset");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.missingFile(this);
    }
  }

  /** The file arrived this many days after the period's last day, past the on-time window. */
  record LateFile(Dataset dataset, long daysAfterPeriodEnd) implements DataQualityNote {
    public LateFile {
      requireNonNull(dataset, "dataset");
      requireCount(daysAfterPeriodEnd, "daysAfterPeriodEnd");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.lateFile(this);
    }
  }

  /** The file could not be read at all (corrupt, no header, a required column missing). */
  record RejectedFile(Dataset dataset) implements DataQualityNote {
    public RejectedFile {
      requireNonNull(dataset, "dataset");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rejectedFile(this);
    }
  }

  /**
   * Rows of the file that broke a rule and went to quarantine, counted by their first broken rule.
   * {@code rowsRead} is every row of the file (0 when unknown).
   */
  record QuarantinedRows(Dataset dataset, long rowsRead, Map<RejectReason, Long> rowsByReason)
      implements DataQualityNote {
    public QuarantinedRows {
      requireNonNull(dataset, "dataset");
      requireCount(rowsRead, "rowsRead");
      requireNonNull(rowsByReason, "rowsByReason");
      if (rowsByReason.isEmpty()) {
        throw new IllegalArgumentException("a quarantine note needs at least one reason");
      }
      rowsByReason.forEach((reason, rows) -> requireCount(rows, "rows of " + reason));
      rowsByReason = Map.copyOf(new EnumMap<>(rowsByReason));
    }

    public long rows() {
      return rowsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The reasons, most rows first (then in the contract's order). */
    public List<Map.Entry<RejectReason, Long>> reasonsByRows() {
      return rowsByReason.entrySet().stream()
          .sorted(
              Comparator.comparing((Map.Entry<RejectReason, Long> entry) -> -entry.getValue())
                  .thenComparing(Map.Entry::getKey))
          .toList();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.quarantinedRows(this);
    }
  }

  /** Columns that looked like personal data and were removed before anything was stored. */
  record PersonalColumnsDropped(Dataset dataset, List<String> columns) implements DataQualityNote {
    public PersonalColumnsDropped {
      requireNonNull(dataset, "dataset");
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("no dropped column named");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.personalColumnsDropped(this);
    }
  }
}
