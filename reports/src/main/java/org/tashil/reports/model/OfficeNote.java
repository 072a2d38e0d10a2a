package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/** A data-quality note about one office's files, for the province's appendix. */
public record OfficeNote(String officeId, BilingualName office, DataQualityNote note) {

  public OfficeNote {
    requireNonNull(officeId, "officeId");
    requireNonNull(office, "office");
    requireNonNull(note, "note");
  }
}
