package org.tashil.reports.view;

import java.util.List;
import java.util.Map;
import org.tashil.reports.model.DataQualityNote;
import org.tashil.reports.model.DataQualityNote.LateFile;
import org.tashil.reports.model.DataQualityNote.MissingFile;
import org.tashil.reports.model.DataQualityNote.PersonalColumnsDropped;
import org.tashil.reports.model.DataQualityNote.QuarantinedRows;
import org.tashil.reports.model.DataQualityNote.RejectedFile;
import org.tashil.reports.model.RejectReason;
import org.tashil.reports.text.Formats;
import org.tashil.reports.text.Labels;

/**
 * Data-quality notes in words a planner understands, in the report's language: "The office sent no
 * demands file for this month.", "14 rows of 320 in the demands file were rejected: 9 with an
 * unknown settlement, 5 with a required value missing."
 */
public final class NoteWording implements DataQualityNote.Visitor<String> {

  private final Labels labels;
  private final Formats formats;

  public NoteWording(Labels labels, Formats formats) {
    this.labels = labels;
    this.formats = formats;
  }

  public String sentence(DataQualityNote note) {
    return formats.text(note.accept(this));
  }

  @Override
  public String missingFile(MissingFile note) {
    return labels.format("note.missing", dataset(note.dataset()));
  }

  @Override
  public String lateFile(LateFile note) {
    return labels.format("note.late", dataset(note.dataset()), note.daysAfterPeriodEnd());
  }

  @Override
  public String rejectedFile(RejectedFile note) {
    return labels.format("note.rejected", dataset(note.dataset()));
  }

  @Override
  public String quarantinedRows(QuarantinedRows note) {
    List<String> reasons =
        note.reasonsByRows().stream()
            .map(
                (Map.Entry<RejectReason, Long> entry) ->
                    labels.format(entry.getKey().labelKey(), entry.getValue()))
            .toList();
    String joined = String.join(labels.text("note.separator"), reasons);
    return note.rowsRead() >= note.rows() && note.rowsRead() > 0
        ? labels.format(
            "note.quarantined", note.rows(), dataset(note.dataset()), note.rowsRead(), joined)
        : labels.format("note.quarantined.no_total", note.rows(), dataset(note.dataset()), joined);
  }

  @Override
  public String personalColumnsDropped(PersonalColumnsDropped note) {
    return labels.format(
        "note.personal",
        note.columns().size(),
        dataset(note.dataset()),
        String.join(labels.text("note.separator"), note.columns()));
  }

  private String dataset(org.tashil.reports.model.Dataset dataset) {
    return labels.text(dataset.labelKey());
  }
}
