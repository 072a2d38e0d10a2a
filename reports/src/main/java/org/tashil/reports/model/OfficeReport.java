package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;
import static org.tashil.reports.model.Counts.requireCount;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one office's monthly feedback report shows (contract §6), for its manager: every
 * office active in the period has one. What became of its files ({@code files}: the three datasets;
 * {@code deadline} the last day a file was on time, null when the marts do not say), its rows
 * quarantined by reason against the month before, the months out of the ordinary of the office and
 * its settlements ({@code flags}), the demands of its settlements open with each agency, and every
 * row quarantined this month. No personal value is in any of it.
 */
public record OfficeReport(
    String officeId,
    BilingualName office,
    int settlementsServed,
    LocalDate deadline,
    List<OfficeFile> files,
    List<ReasonCount> reasons,
    List<QualityFlag> flags,
    List<AgencyBacklog> agencies,
    List<RejectedRow> rejectedRows) {

  public OfficeReport {
    requireNonNull(officeId, "officeId");
    requireNonNull(office, "office");
    requireCount(settlementsServed, "settlementsServed");
    Set<Dataset> seen = EnumSet.noneOf(Dataset.class);
    for (OfficeFile file : files) {
      if (!seen.add(file.dataset())) {
        throw new IllegalArgumentException(officeId + ": file " + file.dataset() + " given twice");
      }
    }
    files = files.stream().sorted(Comparator.comparing(OfficeFile::dataset)).toList();
    // Most rows first; a reason gone since last month after those still there.
    reasons =
        reasons.stream()
            .sorted(
                Comparator.comparingLong(ReasonCount::rows)
                    .reversed()
                    .thenComparing(
                        (ReasonCount reason) ->
                            reason.rowsPreviousMonth() == null ? 0 : -reason.rowsPreviousMonth())
                    .thenComparing(ReasonCount::reason))
            .toList();
    // The office's own figures first, then its settlements', each by id.
    flags =
        flags.stream()
            .sorted(
                Comparator.comparing(QualityFlag::scope)
                    .thenComparing(QualityFlag::key)
                    .thenComparing(QualityFlag::measure))
            .toList();
    agencies =
        agencies.stream()
            .sorted(
                Comparator.comparingLong(AgencyBacklog::overdue)
                    .reversed()
                    .thenComparing(Comparator.comparingLong(AgencyBacklog::open).reversed())
                    .thenComparing(AgencyBacklog::agencyId))
            .toList();
    rejectedRows =
        rejectedRows.stream()
            .sorted(
                Comparator.comparing(RejectedRow::dataset)
                    .thenComparing(RejectedRow::file)
                    .thenComparingInt(RejectedRow::line))
            .toList();
  }
}
