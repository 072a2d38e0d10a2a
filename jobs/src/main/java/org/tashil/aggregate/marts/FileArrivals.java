package org.tashil.aggregate.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.Shares;
import org.tashil.calendar.Period;
import org.tashil.ingest.Submission;
import org.tashil.reports.model.Arrival;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * Which offices' files a level's figures stand on (docs/indicators.md §5.1): for a settlement, what
 * became of its office's demands and activities files and the last period whose demands file
 * arrived; for a county and the province, how many active offices sent no usable file. A month
 * without an office's file shows that file's figures as missing, never as 0 (contract §6).
 */
public final class FileArrivals {

  public static final MartColumn DEMANDS_FILE =
      new MartColumn(
          "demands_file",
          StringType,
          "its office's demands file: on_time, late, rejected, missing or not_due (§5.1)");
  public static final MartColumn ACTIVITIES_FILE =
      new MartColumn(
          "activities_file",
          StringType,
          "its office's activities file: on_time, late, rejected, missing or not_due (§5.1)");
  public static final MartColumn DEMANDS_LAST_FILE_PERIOD =
      new MartColumn(
          "demands_last_file_period",
          StringType,
          "the latest period up to this one whose demands file from its office arrived (§5.1)");

  /**
   * A settlement's columns about its office's files: what arrived, not what the files hold (the
   * DuckDB peer, which reads the clean and quarantine tables only, does not recompute them).
   */
  public static final List<MartColumn> SETTLEMENT =
      List.of(DEMANDS_FILE, ACTIVITIES_FILE, DEMANDS_LAST_FILE_PERIOD);

  /** A county's offices: those serving one of its settlements. */
  public static final MartColumn COUNTY_ACTIVE_OFFICES =
      new MartColumn(
          "active_offices", IntegerType, "active offices serving one of its settlements (§5)");

  public static final MartColumn OFFICES_MISSING_DEMANDS =
      new MartColumn(
          "offices_missing_demands",
          IntegerType,
          "of those active offices, how many sent no demands file or one rejected whole");
  public static final MartColumn OFFICES_MISSING_ACTIVITIES =
      new MartColumn(
          "offices_missing_activities",
          IntegerType,
          "of those active offices, how many sent no activities file or one rejected whole");

  private FileArrivals() {}

  /**
   * Whether an {@code office_month} row's file of the dataset was due and gave no data: missing, or
   * rejected whole.
   */
  public static Column missing(OfficeDataset dataset) {
    return missing(OfficeMonth.arrival(dataset).col());
  }

  /** Whether an arrival ({@link OfficeMonth#arrivalCode}) is missing or rejected whole. */
  static Column missing(Column arrival) {
    return arrival.isin(
        OfficeMonth.arrivalCode(Arrival.MISSING), OfficeMonth.arrivalCode(Arrival.REJECTED));
  }

  /** How many of some {@code office_month} rows miss the dataset's file ({@link #missing}). */
  static Column missingCount(OfficeDataset dataset) {
    MartColumn column =
        switch (dataset) {
          case DEMANDS -> OFFICES_MISSING_DEMANDS;
          case ACTIVITIES -> OFFICES_MISSING_ACTIVITIES;
          case HOUSEHOLDS ->
              throw new IllegalArgumentException(
                  "a households file is sent only when surveys were done: never missing");
        };
    return column.of(Shares.countWhere(missing(dataset)));
  }

  /**
   * Each office's latest period up to {@code period} whose demands file arrived ({@code office_id},
   * {@link #DEMANDS_LAST_FILE_PERIOD}): this period's from {@code offices} (its {@code
   * office_month} rows), the earlier ones from the warehouse's submissions. An office that never
   * sent one has no row.
   */
  public static Dataset<Row> lastDemandsFiles(
      Warehouse warehouse, Period period, Dataset<Row> offices) {
    Column office = OfficeMonth.OFFICE_ID.col();
    Dataset<Row> now =
        offices
            .where(OfficeMonth.arrived(OfficeDataset.DEMANDS).col())
            .select(office, lit(period.toString()).as("last"));
    if (warehouse.exists("submissions")) {
      Dataset<Row> earlier =
          warehouse
              .read("submissions")
              .where(
                  col(Tables.PERIOD)
                      .lt(lit(period.toString()))
                      .and(col("dataset").equalTo(OfficeDataset.DEMANDS.tableName()))
                      .and(col("status").notEqual(Submission.REJECTED)))
              .select(
                  col(Tables.OFFICE_ID).as(OfficeMonth.OFFICE_ID.name()),
                  col(Tables.PERIOD).as("last"));
      now = now.unionByName(earlier);
    }
    return now.groupBy(office).agg(DEMANDS_LAST_FILE_PERIOD.of(max("last")));
  }

  /**
   * The registry's settlements ({@link SettlementMonth#SETTLEMENT_ID}) with their office's files:
   * {@link #DEMANDS_FILE}, {@link #ACTIVITIES_FILE}, {@link #DEMANDS_LAST_FILE_PERIOD}.
   */
  static Dataset<Row> settlements(
      RegistryFrames frames, Dataset<Row> offices, Dataset<Row> lastDemandsFiles) {
    Dataset<Row> files =
        offices.select(
            OfficeMonth.OFFICE_ID.col(),
            DEMANDS_FILE.of(OfficeMonth.arrival(OfficeDataset.DEMANDS).col()),
            ACTIVITIES_FILE.of(OfficeMonth.arrival(OfficeDataset.ACTIVITIES).col()));
    return frames
        .settlements()
        .select(SettlementMonth.SETTLEMENT_ID.col(), SettlementMonth.OFFICE_ID.col())
        .join(files, new String[] {OfficeMonth.OFFICE_ID.name()}, "left")
        .join(lastDemandsFiles, new String[] {OfficeMonth.OFFICE_ID.name()}, "left")
        .drop(OfficeMonth.OFFICE_ID.name());
  }

  /**
   * Each county ({@link SettlementMonth#COUNTY_EN}) with its active offices and how many of them
   * are missing each file; an office serving settlements of two counties counts in both.
   */
  static Dataset<Row> counties(RegistryFrames frames, Dataset<Row> offices) {
    // A county without an active office has no row here: its counts are filled with zeros.
    Dataset<Row> served =
        frames
            .settlements()
            .select(SettlementMonth.COUNTY_EN.col(), SettlementMonth.OFFICE_ID.col())
            .distinct()
            .join(
                offices
                    .where(OfficeMonth.ACTIVE.col())
                    .select(
                        OfficeMonth.OFFICE_ID.col(),
                        OfficeMonth.arrival(OfficeDataset.DEMANDS).col(),
                        OfficeMonth.arrival(OfficeDataset.ACTIVITIES).col()),
                new String[] {OfficeMonth.OFFICE_ID.name()});
    return served
        .groupBy(SettlementMonth.COUNTY_EN.col())
        .agg(
            COUNTY_ACTIVE_OFFICES.of(count(lit(1)).cast("int")),
            missingCount(OfficeDataset.DEMANDS),
            missingCount(OfficeDataset.ACTIVITIES));
  }
}
