package org.tashil.aggregate;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tashil.calendar.Period;
import org.tashil.ingest.Submission;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;

/**
 * The {@code office_month} mart (contract §5.5): for every office of the registry, whether it was
 * active, which files arrived and whether on time, and the rows read, accepted and quarantined.
 * Built on the driver from the period's submissions, one row per file at most, so always small.
 *
 * <p>A file "arrived" when the office sent it and it was not rejected whole: a rejected file gives
 * no data. It is "on time" when a run first saw it no later than the on-time window after the
 * period's last day.
 */
final class OfficeMonth {

  private OfficeMonth() {}

  /** One office's files of the period, by dataset. */
  record Counts(
      int files, int read, int accepted, int quarantined, LocalDate firstSeen, boolean usable) {}

  static Dataset<Row> build(
      SparkSession spark, Registry registry, Period period, List<Row> submissions, int onTimeDays) {
    LocalDate deadline = period.lastDay().plusDays(onTimeDays);
    Map<String, Map<String, Counts>> byOffice = new HashMap<>();
    for (Row row : submissions) {
      String office = row.getAs("office_id");
      String dataset = row.getAs("dataset");
      boolean usable = !Submission.REJECTED.equals(row.getAs("status"));
      LocalDate seen = row.getAs("first_seen_on");
      Counts counts =
          new Counts(
              1,
              row.<Integer>getAs("rows_read"),
              row.<Integer>getAs("rows_accepted"),
              row.<Integer>getAs("rows_quarantined"),
              seen,
              usable);
      byOffice
          .computeIfAbsent(office, o -> new HashMap<>())
          .merge(dataset, counts, OfficeMonth::merge);
    }
    List<Row> rows = new ArrayList<>();
    List<String> datasets = datasetNames();
    for (Office office : registry.offices()) {
      Map<String, Counts> files = byOffice.getOrDefault(office.id(), Map.of());
      List<Object> values = new ArrayList<>();
      values.add(office.id());
      values.add(office.nameFa());
      values.add(office.nameEn());
      values.add(office.countyEn());
      values.add(office.isActiveIn(period));
      values.add(registry.settlementsServedBy(office.id()).size());
      for (String dataset : datasets) {
        Counts counts = files.get(dataset);
        boolean arrived = counts != null && counts.usable();
        values.add(arrived);
        values.add(arrived && !counts.firstSeen().isAfter(deadline));
        values.add(counts == null ? null : counts.firstSeen());
        values.add(counts == null ? 0 : counts.read());
        values.add(counts == null ? 0 : counts.accepted());
        values.add(counts == null ? 0 : counts.quarantined());
      }
      values.add(period.toString());
      rows.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(rows, schema(datasets));
  }

  private static Counts merge(Counts a, Counts b) {
    LocalDate first = a.firstSeen().isAfter(b.firstSeen()) ? a.firstSeen() : b.firstSeen();
    return new Counts(
        a.files() + b.files(),
        a.read() + b.read(),
        a.accepted() + b.accepted(),
        a.quarantined() + b.quarantined(),
        first,
        a.usable() || b.usable());
  }

  private static List<String> datasetNames() {
    List<String> names = new ArrayList<>();
    for (org.tashil.schema.OfficeDataset dataset : org.tashil.schema.OfficeDataset.values()) {
      names.add(dataset.tableName());
    }
    return names;
  }

  private static StructType schema(List<String> datasets) {
    List<StructField> fields = new ArrayList<>();
    fields.add(field("office_id", StringType));
    fields.add(field("name_fa", StringType));
    fields.add(field("name_en", StringType));
    fields.add(field("county_en", StringType));
    fields.add(field("active", BooleanType));
    fields.add(field("settlements_served", IntegerType));
    for (String dataset : datasets) {
      fields.add(field(dataset + "_arrived", BooleanType));
      fields.add(field(dataset + "_on_time", BooleanType));
      fields.add(field(dataset + "_first_seen_on", DateType));
      fields.add(field(dataset + "_rows_read", IntegerType));
      fields.add(field(dataset + "_rows_accepted", IntegerType));
      fields.add(field(dataset + "_rows_quarantined", IntegerType));
    }
    fields.add(field("period", StringType));
    return new StructType(fields.toArray(StructField[]::new));
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
