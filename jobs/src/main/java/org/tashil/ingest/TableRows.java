package org.tashil.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tashil.calendar.Period;
import org.tashil.schema.OfficeDataset;
import org.tashil.schema.Problem;
import org.tashil.warehouse.Tables;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The rows of the tables an ingest writes, made from the files' outcomes in the columns' order of
 * {@link Tables}: {@code clean/<dataset>}, {@code quarantine/<dataset>} and {@code submissions},
 * and the count of clean rows by settlement that the aggregate of the same run reads.
 */
final class TableRows {

  private TableRows() {}

  /** A dataset's clean rows: the checked values, then office, file, line and period. */
  static JavaRDD<Row> clean(JavaRDD<FileOutcome> outcomes, OfficeDataset dataset, Period period) {
    String periodText = period.toString();
    return outcomes
        .filter(outcome -> outcome instanceof FileOutcome.CleanRow row && row.dataset() == dataset)
        .map(
            outcome -> {
              FileOutcome.CleanRow row = (FileOutcome.CleanRow) outcome;
              Object[] values = Arrays.copyOf(row.values(), row.values().length + 4);
              int next = row.values().length;
              values[next] = row.officeId();
              values[next + 1] = row.file();
              values[next + 2] = row.line();
              values[next + 3] = periodText;
              return RowFactory.create(values);
            });
  }

  /** A dataset's quarantined rows, each with its first problem as the reason and every tag. */
  static JavaRDD<Row> quarantine(
      JavaRDD<FileOutcome> outcomes, OfficeDataset dataset, Period period) {
    String periodText = period.toString();
    return outcomes
        .filter(
            outcome -> outcome instanceof FileOutcome.Quarantined row && row.dataset() == dataset)
        .map(
            outcome -> {
              FileOutcome.Quarantined quarantined = (FileOutcome.Quarantined) outcome;
              QuarantinedRow row = quarantined.row();
              Problem reason = row.reason();
              return RowFactory.create(
                  quarantined.officeId(),
                  quarantined.file(),
                  row.line(),
                  CollectionConverters.asScala(row.raw()),
                  reason.code().name(),
                  reason.column(),
                  reason.message(Locale.ENGLISH),
                  row.problems().stream().map(Problem::tag).toArray(String[]::new),
                  reason.messageKey(),
                  reason.arguments().toArray(String[]::new),
                  periodText);
            });
  }

  /** The period's submissions, their messages in English. */
  static List<Row> submissions(List<Submission> submissions, Period period) {
    List<Row> rows = new ArrayList<>();
    for (Submission s : submissions) {
      rows.add(
          RowFactory.create(
              s.officeId(),
              s.dataset(),
              s.file(),
              s.sha256(),
              s.format(),
              s.encoding(),
              s.delimiter(),
              s.rowsRead(),
              s.rowsAccepted(),
              s.rowsQuarantined(),
              s.status(),
              s.message(Locale.ENGLISH),
              s.droppedColumns().toArray(String[]::new),
              s.ignoredColumns().toArray(String[]::new),
              s.firstSeenOn(),
              period.toString(),
              s.arrivedOn()));
    }
    return rows;
  }

  /** The clean rows of the period by dataset and settlement, as (dataset, settlement_id, rows). */
  static List<Row> acceptedBySettlement(JavaRDD<FileOutcome> rows) {
    Map<String, Integer> settlementColumn = new HashMap<>();
    for (OfficeDataset dataset : OfficeDataset.values()) {
      settlementColumn.put(dataset.tableName(), Tables.clean(dataset).fieldIndex("settlement_id"));
    }
    Map<Tuple2<String, String>, Long> counts =
        rows.filter(outcome -> outcome instanceof FileOutcome.CleanRow)
            .map(
                outcome -> {
                  FileOutcome.CleanRow row = (FileOutcome.CleanRow) outcome;
                  String dataset = row.dataset().tableName();
                  return new Tuple2<>(
                      dataset, (String) row.values()[settlementColumn.get(dataset)]);
                })
            .countByValue();
    List<Row> counted = new ArrayList<>();
    counts.forEach((key, count) -> counted.add(RowFactory.create(key._1(), key._2(), count)));
    return counted;
  }
}
