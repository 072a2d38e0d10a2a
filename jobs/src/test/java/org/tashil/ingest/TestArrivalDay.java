package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.calendar.Period;
import org.tashil.warehouse.Warehouse;

/**
 * A file is judged on the day it arrived in the inbox: its modification day when earlier than the
 * day a run first saw it, never before the period started; not on the day of the run after it.
 */
class TestArrivalDay {

  private static final Period ABAN = Period.parse("1405-08"); // 2026-10-23 … 2026-11-21

  private static long tehran(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(Period.TEHRAN).toInstant().toEpochMilli();
  }

  @Test
  void aModificationDayEarlierThanFirstSeenWins() {
    assertThat(ArrivalDay.of(tehran("2026-11-24T10:15"), LocalDate.of(2026, 12, 5), ABAN))
        .isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void theModificationDayIsTehransDay() {
    // 23:30 in Tehran on 24 November is still 24 November there, though 20:00 in UTC.
    assertThat(ArrivalDay.of(tehran("2026-11-24T23:30"), LocalDate.of(2026, 12, 5), ABAN))
        .isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void aModificationBeforeThePeriodStartedCountsFromItsFirstDay() {
    assertThat(ArrivalDay.of(tehran("2026-09-01T09:00"), LocalDate.of(2026, 12, 5), ABAN))
        .isEqualTo(LocalDate.of(2026, 10, 23));
  }

  @Test
  void aModificationLaterThanFirstSeenOrInTheFutureIsIgnored() {
    assertThat(ArrivalDay.of(tehran("2026-12-09T09:00"), LocalDate.of(2026, 12, 5), ABAN))
        .isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(ArrivalDay.of(tehran("2031-01-01T00:00"), LocalDate.of(2026, 12, 5), ABAN))
        .isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(ArrivalDay.of(0, LocalDate.of(2026, 12, 5), ABAN))
        .isEqualTo(LocalDate.of(2026, 12, 5));
  }

  @Test
  void theIngestRecordsTheArrivalBesideFirstSeenAndOfficeMonthJudgesOnIt(@TempDir Path temp)
      throws IOException {
    Path inbox = Fixtures.copyInbox(temp.resolve("inbox"));
    Path office = inbox.resolve("1405-08/OF-01");
    // Sent in time and ingested by a run four days after the deadline (2026-12-01).
    setModified(office.resolve("demands.csv"), "2026-11-25T10:00");
    // Copied with a time older than the month.
    setModified(office.resolve("activities.csv"), "2026-09-01T09:00");
    // A clock in the future.
    setModified(office.resolve("households.csv"), "2031-01-01T09:00");
    Warehouse warehouse = new Warehouse(SparkTests.session(), temp.resolve("warehouse").toString());
    LocalDate run = LocalDate.of(2026, 12, 5);
    IngestJob ingest =
        new IngestJob(
            SparkTests.session(),
            Fixtures.registry(),
            inbox.toString(),
            warehouse,
            FileChecker.DEFAULT_MAX_FILE_SIZE);
    IngestJob.Result result = ingest.run(ABAN, run);

    assertThat(result.submissions()).allMatch(submission -> submission.firstSeenOn().equals(run));
    assertThat(arrivals(warehouse.readPeriod("submissions", ABAN).collectAsList()))
        .containsEntry("demands", LocalDate.of(2026, 11, 25))
        .containsEntry("activities", LocalDate.of(2026, 10, 23))
        .containsEntry("households", run);

    Row of01 = officeMonth(warehouse);
    assertThat(of01.<LocalDate>getAs("due_on")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(of01.<LocalDate>getAs("demands_first_seen_on")).isEqualTo(run);
    assertThat(of01.<String>getAs("demands_arrival")).isEqualTo("on_time");
    assertThat(of01.<Boolean>getAs("demands_on_time")).isTrue();
    assertThat(of01.<String>getAs("activities_arrival")).isEqualTo("on_time");
    assertThat(of01.<String>getAs("households_arrival")).isEqualTo("late");
    assertThat(of01.<Integer>getAs("households_days_late")).isEqualTo(14);

    // Re-ingested later, after the file was touched again: the earliest arrival stays.
    setModified(office.resolve("demands.csv"), "2026-12-10T10:00");
    ingest.run(ABAN, LocalDate.of(2026, 12, 12));
    assertThat(arrivals(warehouse.readPeriod("submissions", ABAN).collectAsList()))
        .containsEntry("demands", LocalDate.of(2026, 11, 25));
  }

  @Test
  void aSubmissionWrittenBeforeArrivalDaysArrivedWhenFirstSeen() {
    Row old =
        new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
            new Object[] {
              "OF-01",
              "demands",
              "1405-08/OF-01/demands.csv",
              10,
              10,
              0,
              "accepted",
              LocalDate.of(2026, 12, 5)
            },
            new org.apache.spark.sql.types.StructType()
                .add("office_id", "string")
                .add("dataset", "string")
                .add("file", "string")
                .add("rows_read", "int")
                .add("rows_accepted", "int")
                .add("rows_quarantined", "int")
                .add("status", "string")
                .add("first_seen_on", "date"));
    Row of01 =
        OfficeMonth.build(SparkTests.session(), Fixtures.registry(), ABAN, List.of(old), 10)
            .where("office_id = 'OF-01'")
            .first();
    assertThat(of01.<LocalDate>getAs("demands_arrived_on")).isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(of01.<String>getAs("demands_arrival")).isEqualTo("late");
    assertThat(of01.<Integer>getAs("demands_days_late")).isEqualTo(14);
  }

  private static Row officeMonth(Warehouse warehouse) {
    List<Row> submissions = warehouse.readPeriod("submissions", ABAN).collectAsList();
    return OfficeMonth.build(SparkTests.session(), Fixtures.registry(), ABAN, submissions, 10)
        .where("office_id = 'OF-01'")
        .first();
  }

  private static Map<String, LocalDate> arrivals(List<Row> submissions) {
    return submissions.stream()
        .collect(
            Collectors.toMap(row -> row.<String>getAs("dataset"), row -> row.getAs("arrived_on")));
  }

  private static void setModified(Path file, String tehranDateTime) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(tehran(tehranDateTime)));
  }
}
