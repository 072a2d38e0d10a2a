package org.tashil.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.marts.IndicatorColumns;
import org.tashil.aggregate.marts.MartColumn;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.aggregate.marts.QuarantineReasons;
import org.tashil.aggregate.marts.SettlementMonth;
import org.tashil.reports.model.Arrival;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.DataQualityNote;
import org.tashil.reports.model.OfficeCompleteness;
import org.tashil.reports.model.OfficeNote;
import org.tashil.reports.model.RejectReason;
import org.tashil.schema.OfficeDataset;

/**
 * The reports' notes on the offices' files, from {@code office_month}, {@code quarantine_reasons}
 * and the period's submissions (for the personal columns dropped).
 */
final class DataQualityNotes {

  private final List<MartRow> offices;
  private final List<MartRow> quarantine;
  private final List<Row> submissions;

  DataQualityNotes(List<MartRow> offices, List<MartRow> quarantine, List<Row> submissions) {
    this.offices = List.copyOf(offices);
    this.quarantine = List.copyOf(quarantine);
    this.submissions = List.copyOf(submissions);
  }

  /** The active offices' files, in the mart's order. */
  List<OfficeCompleteness> completeness() {
    List<OfficeCompleteness> rows = new ArrayList<>();
    for (MartRow office : offices) {
      if (office.flag(OfficeMonth.ACTIVE)) {
        rows.add(
            new OfficeCompleteness(
                office.text(OfficeMonth.OFFICE_ID),
                office.name(OfficeMonth.NAME_FA, OfficeMonth.NAME_EN),
                (int) office.count(OfficeMonth.SETTLEMENTS_SERVED),
                arrival(office, OfficeDataset.HOUSEHOLDS),
                arrival(office, OfficeDataset.DEMANDS),
                arrival(office, OfficeDataset.ACTIVITIES),
                office.count(OfficeMonth.ROWS_READ),
                office.count(OfficeMonth.ROWS_QUARANTINED)));
      }
    }
    return rows;
  }

  /** A settlement's notes: its office's files, then its rows quarantined by dataset. */
  List<DataQualityNote> settlement(MartRow settlement, String officeId) {
    List<DataQualityNote> notes = new ArrayList<>();
    offices.stream()
        .filter(office -> officeId.equals(office.text(OfficeMonth.OFFICE_ID)))
        .findFirst()
        .ifPresent(office -> notes.addAll(fileNotes(office)));
    String settlementId = settlement.text(SettlementMonth.SETTLEMENT_ID);
    for (OfficeDataset dataset : OfficeDataset.values()) {
      Map<RejectReason, Long> reasons =
          quarantinedRows(QuarantineReasons.SETTLEMENT_ID, settlementId, dataset);
      if (!reasons.isEmpty()) {
        long read =
            settlement.count(IndicatorColumns.rowsAccepted(dataset))
                + settlement.count(IndicatorColumns.rowsQuarantined(dataset));
        notes.add(new DataQualityNote.QuarantinedRows(reportDataset(dataset), read, reasons));
      }
    }
    return notes;
  }

  /** Every office's notes, by office. */
  List<OfficeNote> offices() {
    List<OfficeNote> notes = new ArrayList<>();
    for (MartRow office :
        offices.stream()
            .sorted(Comparator.comparing(row -> row.text(OfficeMonth.OFFICE_ID)))
            .toList()) {
      String id = office.text(OfficeMonth.OFFICE_ID);
      BilingualName name = office.name(OfficeMonth.NAME_FA, OfficeMonth.NAME_EN);
      for (DataQualityNote note : fileNotes(office)) {
        notes.add(new OfficeNote(id, name, note));
      }
      for (OfficeDataset dataset : OfficeDataset.values()) {
        Map<RejectReason, Long> reasons = quarantinedRows(QuarantineReasons.OFFICE_ID, id, dataset);
        if (!reasons.isEmpty()) {
          notes.add(
              new OfficeNote(
                  id,
                  name,
                  new DataQualityNote.QuarantinedRows(
                      reportDataset(dataset),
                      office.count(OfficeMonth.rowsRead(dataset)),
                      reasons)));
        }
      }
      for (Row submission : submissions) {
        List<?> dropped = submission.getList(submission.fieldIndex("dropped_columns"));
        Optional<OfficeDataset> dataset =
            OfficeDataset.ofTableName(submission.<String>getAs("dataset"));
        if (id.equals(submission.getAs("office_id"))
            && dropped != null
            && !dropped.isEmpty()
            && dataset.isPresent()) {
          notes.add(
              new OfficeNote(
                  id,
                  name,
                  new DataQualityNote.PersonalColumnsDropped(
                      reportDataset(dataset.get()),
                      dropped.stream().map(Objects::toString).toList())));
        }
      }
    }
    return notes;
  }

  private static Arrival arrival(MartRow office, OfficeDataset dataset) {
    return OfficeMonth.arrivalOf(office.text(OfficeMonth.arrival(dataset)));
  }

  /** What a planner should know about an office's files this month. */
  private static List<DataQualityNote> fileNotes(MartRow office) {
    List<DataQualityNote> notes = new ArrayList<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      org.tashil.reports.model.Dataset reported = reportDataset(dataset);
      switch (arrival(office, dataset)) {
        case MISSING -> notes.add(new DataQualityNote.MissingFile(reported));
        case REJECTED -> notes.add(new DataQualityNote.RejectedFile(reported));
        case LATE ->
            notes.add(
                new DataQualityNote.LateFile(
                    reported, office.count(OfficeMonth.daysLate(dataset))));
        case ON_TIME, NOT_DUE -> {}
      }
    }
    return notes;
  }

  /** The period's quarantined rows of a dataset by reason, for one office or one settlement. */
  private Map<RejectReason, Long> quarantinedRows(
      MartColumn column, String value, OfficeDataset dataset) {
    Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
    for (MartRow row : quarantine) {
      if (value.equals(row.text(column))
          && dataset.tableName().equals(row.text(QuarantineReasons.DATASET))) {
        reasons.merge(
            RejectReason.valueOf(row.text(QuarantineReasons.REASON)),
            row.count(QuarantineReasons.ROWS),
            Long::sum);
      }
    }
    return reasons;
  }

  static org.tashil.reports.model.Dataset reportDataset(OfficeDataset dataset) {
    return switch (dataset) {
      case HOUSEHOLDS -> org.tashil.reports.model.Dataset.HOUSEHOLDS;
      case DEMANDS -> org.tashil.reports.model.Dataset.DEMANDS;
      case ACTIVITIES -> org.tashil.reports.model.Dataset.ACTIVITIES;
    };
  }
}
