package org.tashil.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.aggregate.marts.OfficeMonth;
import org.tashil.calendar.Period;
import org.tashil.ingest.FileChecker;
import org.tashil.ingest.IngestJob;
import org.tashil.warehouse.Warehouse;

/**
 * The generated inbox's files carry the days they arrived: most offices within the deadline, a few
 * late, so that the demo's reports do not show every office late when the month is run some days
 * after its files came in.
 */
class TestGeneratedArrivals {

  private static final Period ABAN = Period.parse("1405-08"); // ends 2026-11-21, due 2026-12-01

  @Test
  void aGeneratedProvincesMonthShowsMostOfficesOnTime(@TempDir Path temp) throws IOException {
    Path inbox = temp.resolve("inbox");
    // The shipped registry and the default seed at scale 1: the province of the demo.
    new InboxGenerator(Fixtures.registry(), new GeneratorSettings(List.of(ABAN), 1, 42, 0))
        .generate(inbox);
    Warehouse warehouse = new Warehouse(SparkTests.session(), temp.resolve("warehouse").toString());
    // The month is first run well after its deadline, as when the demo is made.
    LocalDate run = LocalDate.of(2026, 12, 20);
    new IngestJob(
            SparkTests.session(),
            Fixtures.registry(),
            inbox.toString(),
            warehouse,
            FileChecker.DEFAULT_MAX_FILE_SIZE)
        .run(ABAN, run);
    List<Row> offices =
        OfficeMonth.build(
                SparkTests.session(),
                Fixtures.registry(),
                ABAN,
                warehouse.readPeriod("submissions", ABAN).collectAsList(),
                10)
            .where("active")
            .collectAsList();

    long sent = offices.stream().filter(row -> row.<Boolean>getAs("demands_arrived")).count();
    long onTime = offices.stream().filter(row -> row.<Boolean>getAs("demands_on_time")).count();
    long late = offices.stream().filter(row -> "late".equals(row.getAs("demands_arrival"))).count();
    assertThat(offices).hasSize(19);
    assertThat(onTime).as("on time of %d sent", sent).isGreaterThanOrEqualTo(sent * 3 / 4);
    assertThat(late).as("late of %d sent", sent).isPositive();
    assertThat(onTime + late).isEqualTo(sent);
    // Every file was first seen by the run; none arrived after it or before the month.
    assertThat(
            warehouse.readPeriod("submissions", ABAN).collectAsList().stream()
                .map(row -> row.<LocalDate>getAs("first_seen_on"))
                .distinct())
        .containsExactly(run);
  }

  @Test
  void arrivalTimesAreTheSameForTheSameSeedAndWithinTheirWindows(@TempDir Path temp)
      throws IOException {
    GeneratorSettings settings = new GeneratorSettings(List.of(ABAN), 0.02, 42, 0);
    new InboxGenerator(Fixtures.registry(), settings).generate(temp.resolve("one"));
    new InboxGenerator(Fixtures.registry(), settings).generate(temp.resolve("two"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(temp.resolve("one"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Path twin = temp.resolve("two").resolve(temp.resolve("one").relativize(file));
      assertThat(Files.getLastModifiedTime(twin)).isEqualTo(Files.getLastModifiedTime(file));
      LocalDate arrived =
          Files.getLastModifiedTime(file).toInstant().atZone(Period.TEHRAN).toLocalDate();
      long days = arrived.toEpochDay() - ABAN.lastDay().toEpochDay();
      assertThat(days)
          .as(file.toString())
          .satisfiesAnyOf(
              d -> assertThat(d).isBetween(0L, (long) ArrivalTimes.ON_TIME_LAST_DAY),
              d ->
                  assertThat(d)
                      .isBetween(
                          (long) ArrivalTimes.LATE_FIRST_DAY, (long) ArrivalTimes.LATE_LAST_DAY));
    }
  }
}
