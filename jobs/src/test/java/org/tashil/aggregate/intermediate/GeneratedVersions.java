package org.tashil.aggregate.intermediate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;
import org.tashil.reference.Office;
import org.tashil.reference.Registry;
import org.tashil.schema.Column;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * A province of household surveys and demands over four periods, drawn from a seed: each entity has
 * one to five versions; a version may repeat an earlier one's date exactly, in a later period (a
 * correction), in the same period from another file, or in the same file; dates reach back three
 * months before their period (a survey or an update sent late); a tenth of the demands name a
 * settlement or an agency the registry does not list; and the first period's second files arrive
 * after the last period, so that period is ingested again. Every value is one ingest accepts.
 */
final class GeneratedVersions {

  static final List<Period> PERIODS =
      Period.range(Period.parse("1405-05"), Period.parse("1405-08"));

  /** A second file of an office for a period: the first period's arrive late. */
  private static final String SECOND = " (2)";

  private static final List<String> SUFFIXES = List.of("", "", "", SECOND, " اصلاحی");

  /**
   * One version as written to its clean table.
   *
   * @param key the entity's key, joined by {@code /}
   * @param values the clean table's row, by column
   */
  record Version(
      OfficeDataset dataset,
      String key,
      LocalDate date,
      Period period,
      String office,
      String file,
      Map<String, Object> values) {

    Version {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(office, "office");
      Objects.requireNonNull(file, "file");
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    int line() {
      return (Integer) values.get("source_line");
    }

    /** This version at a line of its file. */
    Version atLine(int line) {
      Map<String, Object> numbered = new LinkedHashMap<>(values);
      numbered.put("source_line", line);
      return new Version(dataset, key, date, period, office, file, numbered);
    }
  }

  private final SplittableRandom random;
  private final Registry registry;
  private final List<Version> versions = new ArrayList<>();

  private GeneratedVersions(long seed, Registry registry) {
    this.random = new SplittableRandom(seed);
    this.registry = registry;
  }

  /** Draws the province's versions; each file's lines are numbered in a shuffled order. */
  static GeneratedVersions draw(long seed, Registry registry) {
    GeneratedVersions province = new GeneratedVersions(seed, registry);
    int households = 20 + province.random.nextInt(30);
    for (int i = 0; i < households; i++) {
      String settlement = province.anyOf(registry.settlements()).id();
      province.entity(
          OfficeDataset.HOUSEHOLDS,
          settlement + "/HH-" + i,
          Map.of("settlement_id", settlement, "household_code", "HH-" + i),
          null);
    }
    int demands = 20 + province.random.nextInt(30);
    for (int i = 0; i < demands; i++) {
      Office office = province.anyOf(registry.offices());
      province.entity(
          OfficeDataset.DEMANDS, office.id() + "/D-" + i, Map.of("demand_id", "D-" + i), office);
    }
    province.numberLines();
    return province;
  }

  List<Version> versions() {
    return List.copyOf(versions);
  }

  long count(Predicate<Version> which) {
    return versions.stream().filter(which).count();
  }

  /**
   * Writes the province as ingest writes it, one group of commits per period: the clean tables by
   * office, then the submissions listing every file; then the first period again, with its second
   * files.
   */
  Warehouse writeTo(SparkSession spark, String root) {
    Warehouse warehouse = new Warehouse(spark, root);
    for (Period period : PERIODS) {
      write(warehouse, period, version -> !arrivesLate(version));
    }
    write(warehouse, PERIODS.get(0), version -> true);
    return warehouse;
  }

  /** Whether a version is in a second file of the first period, which arrives after the last. */
  static boolean arrivesLate(Version version) {
    return version.period().equals(PERIODS.get(0)) && version.file().endsWith(SECOND + ".csv");
  }

  private void write(Warehouse warehouse, Period period, Predicate<Version> arrived) {
    List<Version> sent =
        versions.stream()
            .filter(version -> version.period().equals(period))
            .filter(arrived)
            .toList();
    try {
      warehouse.group(
          "ingest " + period,
          () -> {
            for (OfficeDataset dataset : List.of(OfficeDataset.HOUSEHOLDS, OfficeDataset.DEMANDS)) {
              List<String> columns = List.of(Tables.clean(dataset).fieldNames());
              List<Row> rows = new ArrayList<>();
              for (Version version : sent) {
                if (version.dataset() == dataset) {
                  rows.add(
                      RowFactory.create(columns.stream().map(version.values()::get).toArray()));
                }
              }
              warehouse.replacePeriod(
                  "clean/" + dataset.tableName(),
                  period,
                  warehouse.spark().createDataFrame(rows, Tables.clean(dataset)),
                  Tables.OFFICE_ID);
            }
            warehouse.replacePeriod(
                "submissions",
                period,
                warehouse.spark().createDataFrame(submissions(sent, period), Tables.SUBMISSIONS));
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One accepted submission for each file the versions sent came from. */
  private static List<Row> submissions(List<Version> sent, Period period) {
    Map<String, Row> files = new LinkedHashMap<>();
    for (Version version : sent) {
      files.computeIfAbsent(
          version.dataset() + "/" + version.file(),
          file ->
              RowFactory.create(
                  version.office(),
                  version.dataset().tableName(),
                  version.file(),
                  null,
                  "csv",
                  "utf-8",
                  ",",
                  null,
                  null,
                  0,
                  "accepted",
                  null,
                  new String[0],
                  new String[0],
                  period.lastDay().plusDays(3),
                  period.toString(),
                  period.lastDay().plusDays(3)));
    }
    return List.copyOf(files.values());
  }

  /** How a further version of an entity relates to an earlier one. */
  private enum Tie {
    /** A new date. */
    NONE,
    /** The earlier one's date, in the same or a later period: a correction. */
    CORRECTION,
    /** The earlier one's date and period, from any file of the period. */
    SAME_PERIOD,
    /** The earlier one's date, period and file: a later or earlier line of it. */
    SAME_FILE
  }

  /**
   * Draws an entity's versions: the first anywhere in the periods, each further one new or tied
   * with an earlier one ({@link Tie}).
   */
  private void entity(OfficeDataset dataset, String key, Map<String, Object> fixed, Office office) {
    List<Version> own = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      Version earlier = own.isEmpty() ? null : own.get(random.nextInt(own.size()));
      Tie tie =
          earlier == null || random.nextBoolean() ? Tie.NONE : Tie.values()[1 + random.nextInt(3)];
      Period period =
          switch (tie) {
            case NONE -> PERIODS.get(random.nextInt(PERIODS.size()));
            case CORRECTION -> {
              int from = PERIODS.indexOf(earlier.period());
              yield PERIODS.get(from + random.nextInt(PERIODS.size() - from));
            }
            case SAME_PERIOD, SAME_FILE -> earlier.period();
          };
      String sender =
          office != null
              ? office.id()
              : tie == Tie.SAME_FILE ? earlier.office() : anyOf(registry.offices()).id();
      String file =
          tie == Tie.SAME_FILE
              ? earlier.file()
              : sender + "_" + dataset.tableName() + "_" + period + anyOf(SUFFIXES) + ".csv";
      // Up to four months before the period's end: often a date of an earlier period.
      LocalDate date =
          tie == Tie.NONE ? period.lastDay().minusDays(random.nextInt(120)) : earlier.date();
      Map<String, Object> values = values(dataset, fixed);
      values.put(dataset == OfficeDataset.HOUSEHOLDS ? "surveyed_on" : "updated_on", date);
      values.put(Tables.OFFICE_ID, sender);
      values.put("source_file", file);
      values.put(Tables.PERIOD, period.toString());
      own.add(new Version(dataset, key, date, period, sender, file, values));
    }
    versions.addAll(own);
  }

  /**
   * A version's values, each one ingest accepts, drawn from its column's definition: the {@code
   * fixed} ones as given; a tenth of the registry's ids one the registry does not list.
   */
  private Map<String, Object> values(OfficeDataset dataset, Map<String, Object> fixed) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Column column : dataset.schema().columns()) {
      boolean absent = !column.isRequired() && random.nextInt(4) == 0;
      Object value =
          switch (column.type()) {
            case ENUM -> anyOf(column.values());
            case INTEGER -> column.min() + random.nextInt(column.max() - column.min() + 1);
            case DATE -> PERIODS.get(0).lastDay().minusDays(random.nextInt(400));
            case TEXT ->
                switch (column.lookup()) {
                  case SETTLEMENT ->
                      random.nextInt(10) == 0 ? "T-GONE" : anyOf(registry.settlements()).id();
                  case AGENCY ->
                      random.nextInt(10) == 0 ? "ag-gone" : anyOf(registry.agencies()).id();
                  case NONE -> "V-" + random.nextInt(1_000_000);
                };
          };
      values.put(column.name(), absent ? null : value);
    }
    values.putAll(fixed);
    return values;
  }

  /** Numbers each file's lines from 2 (after its header), in a shuffled order, some skipped. */
  private void numberLines() {
    Map<String, List<Integer>> byFile = new LinkedHashMap<>();
    for (int i = 0; i < versions.size(); i++) {
      Version version = versions.get(i);
      byFile
          .computeIfAbsent(version.period() + "/" + version.file(), file -> new ArrayList<>())
          .add(i);
    }
    for (List<Integer> file : byFile.values()) {
      for (int i = file.size() - 1; i > 0; i--) {
        java.util.Collections.swap(file, i, random.nextInt(i + 1));
      }
      int line = 1;
      for (int index : file) {
        line += 1 + random.nextInt(3);
        versions.set(index, versions.get(index).atLine(line));
      }
    }
  }

  private <T> T anyOf(java.util.Collection<T> values) {
    return List.copyOf(values).get(random.nextInt(values.size()));
  }
}
