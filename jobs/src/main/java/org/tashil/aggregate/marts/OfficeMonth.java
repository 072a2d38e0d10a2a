package org.tashil.aggregate.marts;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.ingest.Submission;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.reports.model.Arrival;
import org.tashil.schema.OfficeDataset;

/**
 * {@code office_month} (contract §5.5): for every office of the registry, whether it was active,
 * which files arrived and whether on time, and the rows read, accepted and quarantined. Built on
 * the driver from the period's submissions, one row per file at most, so always small.
 *
 * <p>A file "arrived" when the office sent it and it was not rejected whole: a rejected file gives
 * no data. It is "on time" when a run first saw it no later than the on-time window after the
 * period's last day.
 */
public final class OfficeMonth {

  public static final String NAME = "office_month";

  public static final MartColumn OFFICE_ID =
      new MartColumn("office_id", StringType, "the office's registry id");
  public static final MartColumn NAME_FA =
      new MartColumn("name_fa", StringType, "its name in Persian");
  public static final MartColumn NAME_EN =
      new MartColumn("name_en", StringType, "its name in English");
  public static final MartColumn COUNTY_EN =
      new MartColumn("county_en", StringType, "its county's name in English");
  public static final MartColumn ACTIVE =
      new MartColumn("active", BooleanType, "whether it was active in the period (§5)");
  public static final MartColumn SETTLEMENTS_SERVED =
      new MartColumn("settlements_served", IntegerType, "settlements it serves (registry)");
  public static final MartColumn ROWS_READ =
      new MartColumn("rows_read", LongType, "rows read from all its files of the period");
  public static final MartColumn ROWS_QUARANTINED =
      new MartColumn("rows_quarantined", LongType, "rows quarantined from all its files");
  public static final MartColumn DEADLINE =
      new MartColumn(
          "deadline",
          DateType,
          "the last day a file is on time: the period's last day + on-time days");

  /** One dataset's columns, in the mart's order. */
  private record DatasetColumns(
      MartColumn arrived,
      MartColumn onTime,
      MartColumn firstSeenOn,
      MartColumn rowsRead,
      MartColumn rowsAccepted,
      MartColumn rowsQuarantined,
      MartColumn arrival,
      MartColumn daysLate) {

    static DatasetColumns of(OfficeDataset dataset) {
      String name = dataset.tableName();
      return new DatasetColumns(
          new MartColumn(
              name + "_arrived", BooleanType, "its " + name + " file arrived (not rejected)"),
          new MartColumn(name + "_on_time", BooleanType, "it arrived within the on-time window"),
          new MartColumn(
              name + "_first_seen_on", DateType, "the day a run first saw it (the latest file's)"),
          new MartColumn(name + "_rows_read", IntegerType, name + " rows read"),
          new MartColumn(name + "_rows_accepted", IntegerType, name + " rows accepted"),
          new MartColumn(name + "_rows_quarantined", IntegerType, name + " rows quarantined"),
          new MartColumn(
              name + "_arrival",
              StringType,
              "on_time, late, rejected, missing or not_due (Arrival)"),
          new MartColumn(
              name + "_days_late",
              IntegerType,
              "days from the period's last day to first seen, for a late file"));
    }
  }

  private static final Map<OfficeDataset, DatasetColumns> BY_DATASET =
      new EnumMap<>(OfficeDataset.class);

  static {
    for (OfficeDataset dataset : OfficeDataset.values()) {
      BY_DATASET.put(dataset, DatasetColumns.of(dataset));
    }
  }

  public static final List<MartColumn> COLUMNS = columns();

  private OfficeMonth() {}

  public static MartColumn arrived(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).arrived();
  }

  public static MartColumn onTime(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).onTime();
  }

  public static MartColumn firstSeenOn(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).firstSeenOn();
  }

  public static MartColumn rowsRead(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).rowsRead();
  }

  public static MartColumn rowsAccepted(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).rowsAccepted();
  }

  public static MartColumn rowsQuarantined(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).rowsQuarantined();
  }

  /** The dataset's {@link Arrival}, as {@link #arrivalCode} writes it. */
  public static MartColumn arrival(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).arrival();
  }

  /** How the mart writes an {@link Arrival}: {@code on_time}, {@code not_due}, … */
  public static String arrivalCode(Arrival arrival) {
    return arrival.name().toLowerCase(Locale.ROOT);
  }

  /** The {@link Arrival} the mart wrote as {@code code}. */
  public static Arrival arrivalOf(String code) {
    return Arrival.valueOf(code.toUpperCase(Locale.ROOT));
  }

  public static MartColumn daysLate(OfficeDataset dataset) {
    return BY_DATASET.get(dataset).daysLate();
  }

  /** One office's files of the period, by dataset. */
  private record Counts(
      int files, int read, int accepted, int quarantined, LocalDate firstSeen, boolean usable) {}

  public static Dataset<Row> build(
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
    for (Office office : registry.offices()) {
      Map<String, Counts> files = byOffice.getOrDefault(office.id(), Map.of());
      boolean active = office.isActiveIn(period);
      List<Object> values = new ArrayList<>();
      values.add(office.id());
      values.add(office.nameFa());
      values.add(office.nameEn());
      values.add(office.countyEn());
      values.add(active);
      values.add(registry.settlementsServedBy(office.id()).size());
      List<Object> arrivals = new ArrayList<>();
      long read = 0;
      long quarantined = 0;
      for (OfficeDataset dataset : OfficeDataset.values()) {
        Counts counts = files.get(dataset.tableName());
        boolean arrived = counts != null && counts.usable();
        boolean onTime = arrived && !counts.firstSeen().isAfter(deadline);
        values.add(arrived);
        values.add(onTime);
        values.add(counts == null ? null : counts.firstSeen());
        values.add(counts == null ? 0 : counts.read());
        values.add(counts == null ? 0 : counts.accepted());
        values.add(counts == null ? 0 : counts.quarantined());
        Arrival arrival = arrival(active, dataset, counts, onTime);
        arrivals.add(arrivalCode(arrival));
        arrivals.add(
            arrival == Arrival.LATE
                ? Math.toIntExact(ChronoUnit.DAYS.between(period.lastDay(), counts.firstSeen()))
                : null);
        read += counts == null ? 0 : counts.read();
        quarantined += counts == null ? 0 : counts.quarantined();
      }
      values.addAll(arrivals);
      values.add(read);
      values.add(quarantined);
      values.add(deadline);
      values.add(period.toString());
      rows.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(rows, MartColumns.schema(COLUMNS));
  }

  private static Arrival arrival(
      boolean active, OfficeDataset dataset, Counts counts, boolean onTime) {
    if (!active) {
      return Arrival.NOT_DUE;
    }
    if (counts != null && counts.usable()) {
      return onTime ? Arrival.ON_TIME : Arrival.LATE;
    }
    if (counts != null) {
      // Every file it sent of the dataset was rejected whole.
      return Arrival.REJECTED;
    }
    // Households are sent only when surveys were done: no file is not a missing submission.
    return dataset == OfficeDataset.HOUSEHOLDS ? Arrival.NOT_DUE : Arrival.MISSING;
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

  private static List<MartColumn> columns() {
    List<MartColumn> columns =
        new ArrayList<>(
            List.of(OFFICE_ID, NAME_FA, NAME_EN, COUNTY_EN, ACTIVE, SETTLEMENTS_SERVED));
    for (OfficeDataset dataset : OfficeDataset.values()) {
      DatasetColumns of = BY_DATASET.get(dataset);
      columns.addAll(
          List.of(
              of.arrived(),
              of.onTime(),
              of.firstSeenOn(),
              of.rowsRead(),
              of.rowsAccepted(),
              of.rowsQuarantined()));
    }
    for (OfficeDataset dataset : OfficeDataset.values()) {
      columns.add(arrival(dataset));
      columns.add(daysLate(dataset));
    }
    columns.addAll(List.of(ROWS_READ, ROWS_QUARANTINED, DEADLINE, MartColumns.PERIOD));
    return MartColumns.concat(columns);
  }
}
