package org.tashil.aggregate.intermediate;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tashil.SparkTests;
import org.tashil.aggregate.IndicatorWarehouse;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Warehouse;

/**
 * The packed as-of states are the reference ones, over provinces drawn from several seeds ({@link
 * GeneratedVersions}: random numbers of versions, dates tied across periods, files and lines, late
 * versions and files, ids the registry no longer lists): the same columns of the same types, the
 * same rows, as of each period, with and without the versions' source. And the reference picks what
 * its contract says, checked against the drawn versions read in plain Java.
 */
class TestAsOfStates {

  private static final Registry REGISTRY = IndicatorWarehouse.registry();

  /** The period a row of {@link #asOfEveryPeriod} is the state of. */
  private static final String AS_OF = "as_of";

  /** Each seed's province and the warehouse it is written to, drawn once per test JVM. */
  private static final Map<Long, GeneratedVersions> PROVINCES = new ConcurrentHashMap<>();

  private static final Map<Long, Warehouse> WAREHOUSES = new ConcurrentHashMap<>();

  @TempDir static Path root;

  private static GeneratedVersions province(long seed) {
    return PROVINCES.computeIfAbsent(seed, drawn -> GeneratedVersions.draw(drawn, REGISTRY));
  }

  private static Warehouse warehouse(long seed) {
    return WAREHOUSES.computeIfAbsent(
        seed,
        written ->
            province(written)
                .writeTo(SparkTests.session(), root.resolve("seed-" + written).toString()));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void eachProvinceHoldsEveryKindOfTieAndLateVersion(long seed) {
    List<GeneratedVersions.Version> versions = province(seed).versions();
    assertThat(pairs(versions, (a, b) -> !a.period().equals(b.period())))
        .as("same date, another period")
        .isPositive();
    assertThat(
            pairs(versions, (a, b) -> a.period().equals(b.period()) && !a.file().equals(b.file())))
        .as("same date and period, another file")
        .isPositive();
    assertThat(
            pairs(versions, (a, b) -> a.period().equals(b.period()) && a.file().equals(b.file())))
        .as("same date, period and file")
        .isPositive();
    assertThat(
            province(seed).count(version -> version.date().isBefore(version.period().firstDay())))
        .as("dated before their period")
        .isPositive();
    assertThat(province(seed).count(GeneratedVersions::arrivesLate))
        .as("in a file that arrives after the last period")
        .isPositive();
    assertThat(
            province(seed)
                .count(
                    version ->
                        "T-GONE".equals(version.values().get("settlement_id"))
                            || "ag-gone".equals(version.values().get("agency_id"))))
        .as("naming an id the registry does not list")
        .isPositive();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void thePackedStatesAreTheReferenceStates(long seed) {
    for (AsOfStates.Source source : AsOfStates.Source.values()) {
      AsOfStates packed = new PackedAsOfStates(warehouse(seed), REGISTRY, source);
      AsOfStates reference = new ReferenceAsOfStates(warehouse(seed), REGISTRY, source);
      assertSame(
          asOfEveryPeriod(packed::flaggedHouseholdsAsOfPeriod),
          asOfEveryPeriod(reference::flaggedHouseholdsAsOfPeriod),
          "households " + source);
      assertSame(
          asOfEveryPeriod(packed::demandsAsOfPeriod),
          asOfEveryPeriod(reference::demandsAsOfPeriod),
          "demands " + source);
    }
  }

  /**
   * The pick of a month's state and, in the same pass, of the month before's (a month picked from
   * every version opens its balance with the demands as of the month before) gives the reference's
   * state as of each: the versions sent with the month, even those dated before it, are not of the
   * month before.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void thePickWithTheMonthBeforeIsTheReferenceAsOfEach(long seed) {
    PackedAsOfStates packed =
        new PackedAsOfStates(warehouse(seed), REGISTRY, AsOfStates.Source.KEPT);
    ReferenceAsOfStates kept =
        new ReferenceAsOfStates(warehouse(seed), REGISTRY, AsOfStates.Source.KEPT);
    ReferenceAsOfStates dropped =
        new ReferenceAsOfStates(warehouse(seed), REGISTRY, AsOfStates.Source.DROPPED);
    for (VersionedEntity entity : List.of(VersionedEntity.HOUSEHOLDS, VersionedEntity.DEMANDS)) {
      Function<Period, Dataset<Row>> both =
          period -> packed.latestWithMonthBefore(entity, period, null).rows();
      assertSame(
          asOfEveryPeriod(both.andThen(picked -> picked.drop(PackedAsOfStates.MONTH_BEFORE))),
          asOfEveryPeriod(period -> kept.latest(entity, period)),
          entity.dataset() + " as of the month");
      assertSame(
          asOfEveryPeriod(both.andThen(picked -> PackedAsOfStates.asOfMonthBefore(picked, entity))),
          asOfEveryPeriod(period -> dropped.latest(entity, period.minusMonths(1))),
          entity.dataset() + " as of the month before");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void theReferencePicksTheGreatestDatePeriodFileAndLine(long seed) {
    AsOfStates reference =
        new ReferenceAsOfStates(warehouse(seed), REGISTRY, AsOfStates.Source.KEPT);
    assertThat(picked(asOfEveryPeriod(reference::householdsAsOfPeriod), VersionedEntity.HOUSEHOLDS))
        .isEqualTo(latest(province(seed), OfficeDataset.HOUSEHOLDS));
    assertThat(picked(asOfEveryPeriod(reference::demandsAsOfPeriod), VersionedEntity.DEMANDS))
        .isEqualTo(latest(province(seed), OfficeDataset.DEMANDS));
  }

  /**
   * The states as of each generated period, each row with the period it is the state of in {@code
   * as_of}: one Spark job for them all.
   */
  private static Dataset<Row> asOfEveryPeriod(Function<Period, Dataset<Row>> states) {
    Dataset<Row> every = null;
    for (Period period : GeneratedVersions.PERIODS) {
      Dataset<Row> one = states.apply(period).withColumn(AS_OF, lit(period.toString()));
      every = every == null ? one : every.union(one);
    }
    return every;
  }

  private static void assertSame(Dataset<Row> packed, Dataset<Row> reference, String what) {
    assertThat(packed.schema()).as(what + ": columns").isEqualTo(reference.schema());
    List<Row> referenceRows = reference.collectAsList();
    assertThat(referenceRows).as(what + ": rows").isNotEmpty();
    assertThat(packed.collectAsList())
        .as(what + ": rows")
        .containsExactlyInAnyOrderElementsOf(referenceRows);
  }

  /** Each picked row's period and key, and the period, file and line of its version. */
  private static Map<String, String> picked(Dataset<Row> states, VersionedEntity entity) {
    Map<String, String> picked = new TreeMap<>();
    for (Row row : states.collectAsList()) {
      String key =
          row.getAs(AS_OF)
              + " "
              + entity.key().stream()
                  .map(name -> row.<String>getAs(name))
                  .collect(Collectors.joining("/"));
      String source =
          row.getAs("period") + " " + row.getAs("source_file") + " " + row.getAs("source_line");
      assertThat(picked.put(key, source)).as("a second row for " + key).isNull();
    }
    return picked;
  }

  /**
   * The contract read plainly: as of each period, of each key's versions sent up to the period and
   * dated on or before its end, the greatest by date, period, file and line.
   */
  private static Map<String, String> latest(GeneratedVersions province, OfficeDataset dataset) {
    Comparator<GeneratedVersions.Version> order =
        Comparator.comparing(GeneratedVersions.Version::date)
            .thenComparing(GeneratedVersions.Version::period)
            .thenComparing(GeneratedVersions.Version::file)
            .thenComparing(GeneratedVersions.Version::line);
    Map<String, String> latest = new TreeMap<>();
    for (Period period : GeneratedVersions.PERIODS) {
      province.versions().stream()
          .filter(version -> version.dataset() == dataset)
          .filter(version -> version.period().compareTo(period) <= 0)
          .filter(version -> !version.date().isAfter(period.lastDay()))
          .collect(Collectors.groupingBy(GeneratedVersions.Version::key, Collectors.maxBy(order)))
          .forEach(
              (key, version) ->
                  latest.put(
                      period + " " + key,
                      version.get().period()
                          + " "
                          + version.get().file()
                          + " "
                          + version.get().line()));
    }
    return latest;
  }

  /** How many pairs of versions of one entity share a date and relate as {@code how} says. */
  private static long pairs(
      List<GeneratedVersions.Version> versions,
      java.util.function.BiPredicate<GeneratedVersions.Version, GeneratedVersions.Version> how) {
    long pairs = 0;
    for (int i = 0; i < versions.size(); i++) {
      for (int j = i + 1; j < versions.size(); j++) {
        GeneratedVersions.Version a = versions.get(i);
        GeneratedVersions.Version b = versions.get(j);
        if (a.dataset() == b.dataset()
            && a.key().equals(b.key())
            && a.date().equals(b.date())
            && how.test(a, b)) {
          pairs++;
        }
      }
    }
    return pairs;
  }
}
