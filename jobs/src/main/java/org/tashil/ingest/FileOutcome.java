package org.tashil.ingest;

import java.io.Serializable;
import java.util.List;
import org.tashil.schema.OfficeDataset;

/**
 * What checking one office file gives, one piece at a time ({@link FileChecker#check}): its clean
 * rows and its quarantined rows as they are read, then its {@link Submission}, always last. A file
 * rejected whole after some of its rows came out (it could not be read to its end, or it changed
 * while it was read) says so in its submission, and every row it gave is to be dropped: a file goes
 * in whole or not at all.
 */
public sealed interface FileOutcome extends Serializable
    permits FileOutcome.CleanRow, FileOutcome.Quarantined, Submission {

  /** The inbox file the piece comes from, {@code 1405-08/OF-01/demands.csv}. */
  String file();

  /** A row that passed every rule: its typed values in schema order. */
  record CleanRow(OfficeDataset dataset, String officeId, String file, int line, Object[] values)
      implements FileOutcome {}

  /** A row that broke a rule. */
  record Quarantined(OfficeDataset dataset, String officeId, String file, QuarantinedRow row)
      implements FileOutcome {}

  /**
   * A whole file checked at once: its submission, its quarantined rows and, when asked for (tests),
   * its clean rows; {@code validate} leaves them out, since a file may hold millions.
   */
  record Whole(Submission submission, List<CleanRow> accepted, List<QuarantinedRow> quarantined) {

    public Whole {
      accepted = List.copyOf(accepted);
      quarantined = List.copyOf(quarantined);
    }
  }
}
