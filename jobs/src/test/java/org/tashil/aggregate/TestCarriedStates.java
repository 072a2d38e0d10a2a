package org.tashil.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.aggregate.intermediate.CarriedStates;
import org.tashil.calendar.Period;
import org.tashil.generate.GeneratorSettings;
import org.tashil.generate.InboxGenerator;
import org.tashil.ingest.FileChecker;
import org.tashil.ingest.IngestJob;
import org.tashil.ingest.IngestedRows;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Warehouse;

/**
 * The states carried from month to month give the marts and states that picking every period's
 * states from every version gives ({@code aggregate --from-scratch}), over a generated messy
 * province whose files arrive late and whose old months are run again; and a hand-made one where a
 * late copy of an older version of a demand closed long ago must still lose to the version that
 * closed it.
 */
class TestCarriedStates {

  private static final List<Period> PERIODS =
      Period.range(Period.parse("1405-03"), Period.parse("1405-06"));

  @TempDir static Path temp;
  private static Path inbox;
  private static Registry registry;
  private static Warehouse carried;
  private static Warehouse fromScratch;

  /** 1405-05's settlement mart before the held-back files arrived. */
  private static List<Row> mayBeforeLateFiles;

  /** Whether each aggregate of the story carried both states, in the order they ran. */
  private static final List<String> aggregates = new ArrayList<>();

  /** Each aggregate that left data in memory, by period and whether from scratch. */
  private static final List<String> leftInMemory = new ArrayList<>();

  /**
   * Months 1405-03..06 run in order while one office's 1405-04 demands file and another's 1405-05
   * households file are held back; then they arrive: 1405-06 is aggregated at once (its
   * predecessor's state no longer stands on the warehouse's files), then 1405-04..06 again in
   * order, as {@code run} re-runs them. A copy is then aggregated from scratch, month by month.
   */
  @BeforeAll
  static void runTheStory() throws IOException {
    registry = Fixtures.registry();
    inbox = temp.resolve("inbox");
    new InboxGenerator(registry, new GeneratorSettings(PERIODS, 0.05, 7, 0.3)).generate(inbox);
    Path held = temp.resolve("held");
    List<Path> late = new ArrayList<>();
    late.add(holdBack(Period.parse("1405-04"), "demands", 0, held));
    late.add(holdBack(Period.parse("1405-05"), "households", 3, held));

    carried = new Warehouse(SparkTests.session(), temp.resolve("carried").toString());
    for (Period period : PERIODS) {
      ingest(carried, period);
      aggregate(carried, period, false);
    }
    mayBeforeLateFiles =
        carried.readPeriod("marts/settlement_month", Period.parse("1405-05")).collectAsList();
    for (Path file : late) {
      Path back = inbox.resolve(held.relativize(file));
      Files.createDirectories(back.getParent());
      Files.move(file, back);
    }
    ingest(carried, Period.parse("1405-04"));
    ingest(carried, Period.parse("1405-05"));
    aggregate(carried, Period.parse("1405-06"), false);
    for (Period period : PERIODS.subList(1, PERIODS.size())) {
      aggregate(carried, period, false);
    }

    Path copy = org.tashil.LocalFolders.copy(temp.resolve("carried"), temp.resolve("from-scratch"));
    fromScratch = new Warehouse(SparkTests.session(), copy.toString());
    for (Period period : PERIODS) {
      aggregate(fromScratch, period, true);
    }
  }

  /**
   * Every key's state as of the period's end, with the checksum of the period's state, derived here
   * from the tables as a reader of {@code state_demands} would: the period's partition and the
   * demands retired in the partitions from its {@code carried_since} on, the newest of each key.
   */
  private static List<Row> stateAsOf(Warehouse warehouse, String table, Period period) {
    warehouse.readPeriod(table, period).createOrReplaceTempView("state_period");
    warehouse.read(table).createOrReplaceTempView("state_all");
    boolean demands = table.equals("state/demands");
    String key = demands ? "office_id, demand_id" : "settlement_id, household_code";
    String date = demands ? "updated_on" : "surveyed_on";
    String chain =
        demands
            ? "SELECT * FROM state_all WHERE period BETWEEN (SELECT max(carried_since) FROM"
                + " state_period) AND '"
                + period
                + "' AND (retired OR period = '"
                + period
                + "')"
            : "SELECT * FROM state_period";
    return SparkTests.session()
        .sql(
            "SELECT * EXCEPT (newest, carried_since, period, basis), (SELECT max(basis) FROM"
                + " state_period) AS basis FROM (SELECT *, row_number() OVER (PARTITION BY "
                + key
                + " ORDER BY "
                + date
                + " DESC, source_period DESC, source_file DESC, source_line DESC) AS newest FROM ("
                + chain
                + ")) WHERE newest = 1")
        .collectAsList();
  }

  /** Moves the {@code n}th office's file of the dataset for the period out of the inbox. */
  private static Path holdBack(Period period, String dataset, int n, Path held) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(inbox.resolve(period.toString()))) {
      files =
          walk.filter(file -> file.getFileName().toString().startsWith(dataset + "."))
              .sorted()
              .toList();
    }
    assertThat(files).as(period + " " + dataset).hasSizeGreaterThan(n);
    Path file = files.get(n);
    Path target = held.resolve(inbox.relativize(file));
    Files.createDirectories(target.getParent());
    return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void ingest(Warehouse warehouse, Period period) throws IOException {
    new IngestJob(
            SparkTests.session(),
            registry,
            inbox.toString(),
            warehouse,
            FileChecker.DEFAULT_MAX_FILE_SIZE)
        .run(period, period.lastDay().plusDays(3));
  }

  private static void aggregate(Warehouse warehouse, Period period, boolean scratch) {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkTests.session().sparkContext());
    Set<Integer> heldBefore = Set.copyOf(spark.getPersistentRDDs().keySet());
    AggregateJob.Result result =
        new AggregateJob(SparkTests.session(), registry, warehouse, 10, scratch)
            .run(IngestedRows.read(warehouse, period));
    if (!heldBefore.containsAll(spark.getPersistentRDDs().keySet())) {
      leftInMemory.add(period + (scratch ? " from scratch" : " carried"));
    }
    if (!scratch) {
      aggregates.add(period + " " + result.statesCarried().values());
    }
  }

  @Test
  void eachMonthCarriesItsStatesUnlessThoseBeforeStandOnFilesSinceReplaced() {
    assertThat(aggregates)
        .containsExactly(
            // In order: the first month has no state before it.
            "1405-03 [false, false]",
            "1405-04 [true, true]",
            "1405-05 [true, true]",
            "1405-06 [true, true]",
            // 1405-04 and 1405-05 ingested again: 1405-05's states stood on their old files.
            "1405-06 [false, false]",
            // Run again in order, each from the one before.
            "1405-04 [true, true]",
            "1405-05 [true, true]",
            "1405-06 [true, true]");
  }

  /**
   * What an aggregate holds in memory (the pick from every version that both the state's write and
   * the month's balance read, the marts' caches) is freed when it ends.
   */
  @Test
  void noAggregateLeavesDataInMemory() {
    assertThat(leftInMemory).isEmpty();
  }

  @Test
  void everyMartAndStateOfEveryMonthIsWhatEveryVersionGives() {
    for (Period period : PERIODS) {
      for (String table : CarriedStates.tables()) {
        List<Row> expected = stateAsOf(fromScratch, table, period);
        assertThat(stateAsOf(carried, table, period))
            .as(table + " " + period)
            .hasSameSizeAs(expected)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
      for (String mart : AggregateJob.MARTS) {
        List<Row> expected = fromScratch.readPeriod("marts/" + mart, period).collectAsList();
        assertThat(carried.readPeriod("marts/" + mart, period).collectAsList())
            .as(mart + " " + period)
            .hasSameSizeAs(expected)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
    // The carried demands' partitions hold the month's demands and those retired in it, not every
    // demand retired before: one month's partition is smaller than the one picked from scratch.
    Period last = PERIODS.get(PERIODS.size() - 1);
    assertThat(carried.readPeriod("state/demands", last).count())
        .isLessThan(fromScratch.readPeriod("state/demands", last).count());
    // The late files changed what was counted: the comparison covers a re-run that mattered.
    assertThat(
            carried.readPeriod("marts/settlement_month", Period.parse("1405-05")).collectAsList())
        .isNotEqualTo(mayBeforeLateFiles);
  }

  /**
   * A month inside a chain of carried demand states picked again from every version begins a chain
   * of its own: the months after it that still stand on the old chain's retired demands are not
   * carried from, and the month picked from every version instead gives the same marts.
   */
  @Test
  void aMonthOfTheChainPickedAgainFromEveryVersionEndsTheChainAfterIt(@TempDir Path root)
      throws IOException {
    Path copy = org.tashil.LocalFolders.copy(temp.resolve("carried"), root.resolve("warehouse"));
    Warehouse warehouse = new Warehouse(SparkTests.session(), copy.toString());
    Period april = Period.parse("1405-04");
    Period june = Period.parse("1405-06");
    new AggregateJob(SparkTests.session(), registry, warehouse, 10, true)
        .run(IngestedRows.read(warehouse, april));
    AggregateJob.Result result =
        new AggregateJob(SparkTests.session(), registry, warehouse, 10, false)
            .run(IngestedRows.read(warehouse, june));
    // 1405-05's states still stand on the files; its demands' chain began at 1405-03, and its
    // 1405-04 partition is no longer of that chain. Households have no chain.
    assertThat(result.statesCarried())
        .containsExactly(Map.entry("state/households", true), Map.entry("state/demands", false));
    for (String mart : AggregateJob.MARTS) {
      List<Row> expected = fromScratch.readPeriod("marts/" + mart, june).collectAsList();
      assertThat(warehouse.readPeriod("marts/" + mart, june).collectAsList())
          .as(mart)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aLateCopyOfAnOlderVersionOfADemandClosedLongAgoStillLoses(@TempDir Path root)
      throws IOException {
    Path reference = IndicatorWarehouse.FIXTURE.resolve("reference");
    Registry fixture = Registry.load(reference);
    String header =
        "demand_id,settlement_id,registered_on,category,agency_id,households_affected,priority,"
            + "status,referred_on,closed_on,updated_on";
    Path box = root.resolve("inbox");
    write(
        box.resolve("1405-05/OF-A/demands.csv"),
        header,
        "K-REVIVED,T-001,1405/05/03,water,ag-w,11,normal,resolved,1405/05/04,1405/05/20,"
            + "1405/05/20",
        "K-CLOSED,T-001,1405/05/02,water,ag-w,7,normal,resolved,1405/05/03,1405/05/25,"
            + "1405/05/25");
    write(
        box.resolve("1405-06/OF-A/demands.csv"),
        header,
        "K-OTHER,T-001,1405/06/02,water,ag-w,1,normal,registered,,,1405/06/02");
    write(
        box.resolve("1405-07/OF-A/demands.csv"),
        header,
        // Sent again late: K-CLOSED as it stood before it was resolved, which must not reopen it.
        "K-CLOSED,T-001,1405/05/02,water,ag-w,7,normal,registered,,,1405/05/10",
        // Reopened this month: newer than the version that closed it.
        "K-REVIVED,T-001,1405/05/03,water,ag-w,11,normal,in_progress,1405/05/04,,1405/07/03");
    write(
        box.resolve("1405-08/OF-A/demands.csv"),
        header,
        // Its first version, later still: K-CLOSED was retired two partitions before this one.
        "K-CLOSED,T-001,1405/05/02,water,ag-w,7,normal,registered,,,1405/05/02");
    Warehouse warehouse = new Warehouse(SparkTests.session(), root.resolve("w").toString());
    IngestJob ingest =
        new IngestJob(
            SparkTests.session(),
            fixture,
            box.toString(),
            warehouse,
            FileChecker.DEFAULT_MAX_FILE_SIZE);
    List<Map.Entry<Period, Boolean>> carriedEach = new ArrayList<>();
    for (String month : List.of("1405-05", "1405-06", "1405-07", "1405-08")) {
      Period period = Period.parse(month);
      ingest.run(period, period.lastDay().plusDays(3));
      AggregateJob.Result result = aggregate(fixture, warehouse, period);
      carriedEach.add(Map.entry(period, result.statesCarried().get("state/demands")));
    }
    // The fixture sends no surveys: only the demands have a state to carry.
    assertThat(carriedEach.subList(1, 4))
        .as("1405-06..08's demands carried")
        .allSatisfy(month -> assertThat(month.getValue()).isTrue());
    // Retired in 1405-06 (closed in 1405-05), K-CLOSED is kept there: its key and order only.
    List<Row> closed = demand(warehouse, "1405-06", "K-CLOSED");
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).<Boolean>getAs(CarriedStates.RETIRED)).isTrue();
    assertThat(closed.get(0).<String>getAs("status")).isNull();
    assertThat(closed.get(0).getAs("updated_on").toString()).isEqualTo("2026-08-16");
    // The later partitions do not hold it, though older versions of it came with them.
    assertThat(demand(warehouse, "1405-07", "K-CLOSED")).isEmpty();
    assertThat(demand(warehouse, "1405-08", "K-CLOSED")).isEmpty();
    // K-REVIVED, retired in 1405-06 too, is back in 1405-07 and 1405-08 as their newest version.
    assertThat(demand(warehouse, "1405-08", "K-REVIVED"))
        .singleElement()
        .satisfies(row -> assertThat(row.<String>getAs("status")).isEqualTo("in_progress"));
    for (String month : List.of("1405-07", "1405-08")) {
      Row t001 = t001(warehouse, Period.parse(month));
      // Open at the month's end: K-OTHER and the reopened K-REVIVED, not K-CLOSED.
      assertThat(t001.<Integer>getAs("demands_open")).as(month).isEqualTo(2);
      if (month.equals("1405-07")) {
        assertThat(t001.<Integer>getAs("demands_late_added")).isEqualTo(1);
      }
    }

    // 1405-05 ingested without its file and 1405-06 aggregated again: 1405-06's partition no longer
    // holds K-CLOSED. With the file back, 1405-08's state matches the files again, but the
    // partition its retired demands come from does not: 1405-09 must not be carried from it, or the
    // late copy below would reopen K-CLOSED.
    Path held = root.resolve("held.csv");
    Path may = box.resolve("1405-05/OF-A/demands.csv");
    Files.move(may, held);
    for (String month : List.of("1405-05", "1405-06")) {
      Period period = Period.parse(month);
      if (month.equals("1405-05")) {
        ingest.run(period, period.lastDay().plusDays(3));
      }
      aggregate(fixture, warehouse, period);
    }
    assertThat(demand(warehouse, "1405-06", "K-CLOSED")).isEmpty();
    Files.move(held, may);
    ingest.run(Period.parse("1405-05"), Period.parse("1405-05").lastDay().plusDays(3));
    write(
        box.resolve("1405-09/OF-A/demands.csv"),
        header,
        "K-CLOSED,T-001,1405/05/02,water,ag-w,7,normal,registered,,,1405/05/12");
    Period september = Period.parse("1405-09");
    ingest.run(september, september.lastDay().plusDays(3));
    AggregateJob.Result result = aggregate(fixture, warehouse, september);
    assertThat(result.statesCarried().get("state/demands")).as("1405-09 carried").isFalse();
    assertThat(t001(warehouse, september).<Integer>getAs("demands_open")).isEqualTo(2);

    // 1405-10 carried from 1405-09, picked from every version; then 1405-05..09 made again in
    // order, 1405-09 now carried from 1405-08: its partition no longer holds K-CLOSED, which
    // 1405-10's chain begins at. 1405-11 must not be carried from 1405-10.
    Period october = Period.parse("1405-10");
    Files.createDirectories(box.resolve("1405-10/OF-A")); // nothing sent
    ingest.run(october, october.lastDay().plusDays(3));
    aggregate(fixture, warehouse, october);
    for (Period period : Period.range(Period.parse("1405-05"), september)) {
      aggregate(fixture, warehouse, period);
    }
    assertThat(demand(warehouse, "1405-09", "K-CLOSED")).isEmpty();
    write(
        box.resolve("1405-11/OF-A/demands.csv"),
        header,
        "K-CLOSED,T-001,1405/05/02,water,ag-w,7,normal,registered,,,1405/05/14");
    Period november = Period.parse("1405-11");
    ingest.run(november, november.lastDay().plusDays(3));
    result = aggregate(fixture, warehouse, november);
    assertThat(result.statesCarried().get("state/demands")).as("1405-11 carried").isFalse();
    assertThat(t001(warehouse, november).<Integer>getAs("demands_open")).isEqualTo(2);
  }

  private static AggregateJob.Result aggregate(
      Registry registry, Warehouse warehouse, Period period) {
    return new AggregateJob(SparkTests.session(), registry, warehouse, 10)
        .run(IngestedRows.read(warehouse, period));
  }

  /** The settlement T-001's row of {@code settlement_month}. */
  private static Row t001(Warehouse warehouse, Period period) {
    return warehouse
        .readPeriod("marts/settlement_month", period)
        .where("settlement_id = 'T-001'")
        .collectAsList()
        .get(0);
  }

  private static List<Row> demand(Warehouse warehouse, String period, String id) {
    return warehouse
        .readPeriod("state/demands", Period.parse(period))
        .where("demand_id = '" + id + "'")
        .collectAsList();
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
