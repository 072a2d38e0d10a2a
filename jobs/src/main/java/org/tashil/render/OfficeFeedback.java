package org.tashil.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.tashil.aggregate.marts.AgencyMonth;
import org.tashil.aggregate.marts.IndicatorColumns;
import org.tashil.aggregate.marts.MartColumn;
import org.tashil.aggregate.marts.OfficeAgencyMonth;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.aggregate.marts.OfficeReasons;
import org.tashil.aggregate.marts.QualityFlags;
import org.tashil.aggregate.marts.QuarantineReasons;
import org.tashil.aggregate.marts.QuarantinedRows;
import org.tashil.reports.model.AgencyBacklog;
import org.tashil.reports.model.Dataset;
import org.tashil.reports.model.OfficeFile;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.QualityFlag;
import org.tashil.reports.model.QualityMeasure;
import org.tashil.reports.model.ReasonCount;
import org.tashil.reports.model.RejectReason;
import org.tashil.reports.model.RejectedRow;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.schema.OfficeDataset;
import org.tashil.text.PersonalValues;

/**
 * The office feedback reports' records, from {@code office_month}, {@code office_reasons}, {@code
 * quality_flags}, {@code office_agency_month} and {@code quarantined_rows}: one report for every
 * office active in the period. Every value and argument a report may print passes through {@link
 * PersonalValues} once more, although ingest masked them before storing.
 */
final class OfficeFeedback {

  private final List<MartRow> offices;
  private final Map<String, List<MartRow>> reasons;
  private final List<MartRow> flags;
  private final Map<String, List<MartRow>> agencies;
  private final Map<String, List<MartRow>> rejected;

  OfficeFeedback(
      List<MartRow> offices,
      List<MartRow> reasons,
      List<MartRow> flags,
      List<MartRow> agencies,
      List<MartRow> rejected) {
    this.offices = MartRecords.sorted(offices, OfficeMonth.OFFICE_ID);
    this.reasons = byOffice(reasons, QuarantineReasons.OFFICE_ID);
    this.flags = flags.stream().filter(row -> row.flag(QualityFlags.FLAGGED)).toList();
    this.agencies = byOffice(agencies, OfficeAgencyMonth.OFFICE_ID);
    this.rejected = byOffice(rejected, QuarantinedRows.OFFICE_ID);
  }

  private static Map<String, List<MartRow>> byOffice(List<MartRow> rows, MartColumn office) {
    return rows.stream().collect(Collectors.groupingBy(row -> row.text(office)));
  }

  /** Every active office's report, in office order. */
  List<OfficeReport> reports() {
    List<OfficeReport> reports = new ArrayList<>();
    for (MartRow office : offices) {
      if (!office.flag(OfficeMonth.ACTIVE)) {
        continue;
      }
      String id = office.text(OfficeMonth.OFFICE_ID);
      reports.add(
          new OfficeReport(
              id,
              office.name(OfficeMonth.NAME_FA, OfficeMonth.NAME_EN),
              (int) office.count(OfficeMonth.SETTLEMENTS_SERVED),
              office.has(OfficeMonth.DUE_ON) ? office.date(OfficeMonth.DUE_ON) : null,
              files(office),
              reasons.getOrDefault(id, List.of()).stream().map(OfficeFeedback::reason).toList(),
              flags(row -> id.equals(row.text(QualityFlags.OFFICE_ID))),
              agencies.getOrDefault(id, List.of()).stream().map(OfficeFeedback::backlog).toList(),
              rejected.getOrDefault(id, List.of()).stream()
                  .map(OfficeFeedback::rejectedRow)
                  .toList()));
    }
    return reports;
  }

  /** The flagged figures that {@code mine} picks. */
  List<QualityFlag> flags(Predicate<MartRow> mine) {
    return flags.stream().filter(mine).map(OfficeFeedback::flag).toList();
  }

  /**
   * The day the office's file arrived in the inbox (docs/indicators.md §5); for marts written
   * before arrival days were kept, the day a run first saw it.
   */
  private static java.time.LocalDate arrivedOn(MartRow office, OfficeDataset dataset) {
    if (office.has(OfficeMonth.arrivedOn(dataset))
        && office.date(OfficeMonth.arrivedOn(dataset)) != null) {
      return office.date(OfficeMonth.arrivedOn(dataset));
    }
    return office.date(OfficeMonth.firstSeenOn(dataset));
  }

  private static List<OfficeFile> files(MartRow office) {
    List<OfficeFile> files = new ArrayList<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      Integer daysLate = office.whole(OfficeMonth.daysLate(dataset));
      files.add(
          new OfficeFile(
              DataQualityNotes.reportDataset(dataset),
              OfficeMonth.arrivalOf(office.text(OfficeMonth.arrival(dataset))),
              arrivedOn(office, dataset),
              daysLate == null ? null : daysLate.longValue(),
              office.count(OfficeMonth.rowsRead(dataset)),
              office.count(OfficeMonth.rowsAccepted(dataset)),
              office.count(OfficeMonth.rowsQuarantined(dataset))));
    }
    return files;
  }

  private static ReasonCount reason(MartRow row) {
    Integer previous = row.whole(OfficeReasons.ROWS_PREVIOUS);
    return new ReasonCount(
        RejectReason.valueOf(row.text(QuarantineReasons.REASON)),
        row.count(OfficeReasons.ROWS),
        previous == null ? null : previous.longValue());
  }

  private static QualityFlag flag(MartRow row) {
    return new QualityFlag(
        QualityFlags.OFFICE_SCOPE.equals(row.text(QualityFlags.SCOPE))
            ? QualityFlag.Scope.OFFICE
            : QualityFlag.Scope.SETTLEMENT,
        row.text(QualityFlags.KEY),
        row.name(QualityFlags.NAME_FA, QualityFlags.NAME_EN),
        QualityMeasure.fromCode(row.text(QualityFlags.MEASURE)),
        row.count(QualityFlags.VALUE),
        row.number(QualityFlags.MEDIAN),
        row.number(QualityFlags.RANGE_LOW),
        row.number(QualityFlags.RANGE_HIGH),
        (int) row.count(QualityFlags.MONTHS_COMPARED),
        ReportPeriod.parse(row.text(QualityFlags.FIRST_COMPARED)),
        ReportPeriod.parse(row.text(QualityFlags.LAST_COMPARED)),
        row.number(QualityFlags.M));
  }

  private static AgencyBacklog backlog(MartRow row) {
    return new AgencyBacklog(
        row.text(AgencyMonth.AGENCY_ID),
        row.name(AgencyMonth.NAME_FA, AgencyMonth.NAME_EN),
        (int) row.count(AgencyMonth.SLA_DAYS),
        row.count(IndicatorColumns.DEMANDS_OPEN),
        row.count(IndicatorColumns.OPEN_OVERDUE),
        row.count(IndicatorColumns.OLDEST_OPEN_DAYS));
  }

  private static RejectedRow rejectedRow(MartRow row) {
    return new RejectedRow(
        Dataset.fromCode(row.text(QuarantinedRows.DATASET)),
        PersonalValues.masked(row.text(QuarantinedRows.FILE)),
        (int) row.count(QuarantinedRows.LINE),
        row.text(QuarantinedRows.COLUMN),
        RejectReason.valueOf(row.text(QuarantinedRows.REASON)),
        row.text(QuarantinedRows.MESSAGE_KEY),
        row.texts(QuarantinedRows.MESSAGE_ARGUMENTS).stream().map(PersonalValues::masked).toList(),
        PersonalValues.masked(row.text(QuarantinedRows.VALUE)));
  }
}
