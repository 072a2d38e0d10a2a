package org.tashil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.SparkTests;
import org.tashil.aggregate.IndicatorWarehouse;
import org.tashil.calendar.Period;
import org.tashil.cli.Tashil;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine;

/**
 * DuckDB's settlement_month against the one Spark wrote, over the same Delta tables: the hand-made
 * province of src/test/resources/indicators, and a generated one.
 */
class TestDuckDbPeer {

  private static final double EXACT = 1e-12;

  private static DuckDbPeer.Result duckDb(Warehouse warehouse, String period) {
    return DuckDbPeer.settlementMonth(
        SparkTests.session(), warehouse, IndicatorWarehouse.registry(), Period.parse(period));
  }

  private static double number(DuckDbPeer.Result result, String settlement, String column) {
    return ((Number) result.rows().value(DuckDbPeer.KEY, settlement, column)).doubleValue();
  }

  @Test
  void agreesWithSparkOnEveryColumnOfEveryPeriodOfTheHandMadeProvince() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    int sparkColumns = DuckDbPeer.COLUMNS.size();
    // 1405-07: D1 and D4 in progress, HH-0005 as first surveyed. 1405-08: HH-0005 re-surveyed,
    // D1 updated for the third time and resolved, D4's later resolution (1405-09) not yet counted.
    for (String period : List.of("1405-06", "1405-07", "1405-08")) {
      MartComparison comparison =
          MartComparison.settlementMonth(warehouse, duckDb(warehouse, period));
      assertThat(comparison.report())
          .as(period)
          .isEqualTo(
              "settlement_month: Spark and DuckDB agree on 4 rows × " + sparkColumns + " columns");
    }
  }

  @Test
  void computesTheHandWorkedFigures() {
    // The same figures TestAggregateJob checks on Spark's mart, worked out by hand there.
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    DuckDbPeer.Result august = duckDb(warehouse, "1405-08");
    assertThat(number(august, "T-001", "households")).isEqualTo(6);
    assertThat(number(august, "T-001", "dep_employment")).isZero(); // HH-0005's re-survey counts
    assertThat(number(august, "T-001", "h")).isCloseTo(0.24, within(EXACT));
    assertThat(number(august, "T-001", "m0")).isCloseTo(0.084, within(EXACT));
    assertThat(number(august, "T-001", "demands_resolved")).isEqualTo(2);
    assertThat(number(august, "T-001", "demands_open")).isEqualTo(1); // D4, resolved only later
    assertThat(number(august, "T-001", "demands_open_start")).isEqualTo(3); // D1, D2, D4
    assertThat(number(august, "T-001", "days_to_resolve_median")).isCloseTo(50.5, within(EXACT));
    assertThat(number(august, "T-001", "days_to_resolve_p90")).isCloseTo(66.9, within(1e-9));
    assertThat(number(august, "T-001", "rows_quarantined_households")).isEqualTo(1);
    assertThat(august.rows().value(DuckDbPeer.KEY, "T-003", "m0")).isNull();
    assertThat(number(august, "T-003", "households")).isZero();
    DuckDbPeer.Result july = duckDb(warehouse, "1405-07");
    assertThat(number(july, "T-001", "demands_open")).isEqualTo(3);
    assertThat(number(july, "T-001", "dep_employment")).isEqualTo(1); // HH-0005's first survey
    assertThat(july.rows().rows())
        .extracting(row -> row.get(DuckDbPeer.KEY))
        .containsExactly("T-001", "T-002", "T-003", "T-004");
  }

  @Test
  void aFigureChangedOnOneSideIsReported() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    DuckDbPeer.Result result = duckDb(warehouse, "1405-08");
    MartTable changed =
        result
            .rows()
            .with(DuckDbPeer.KEY, "T-001", "dep_water", 2)
            .with(DuckDbPeer.KEY, "T-002", "m0", 0.35);
    MartComparison comparison =
        MartComparison.settlementMonth(
            warehouse,
            new DuckDbPeer.Result(
                result.period(),
                changed,
                result.files(),
                result.listMillis(),
                result.loadMillis(),
                result.queryMillis()));
    assertThat(comparison.agree()).isFalse();
    assertThat(comparison.differences())
        .containsExactly(
            new MartComparison.Difference("T-001", "dep_water", 1, 2),
            new MartComparison.Difference("T-002", "m0", 144.0 / 60 / 7, 0.35));
    assertThat(comparison.report())
        .startsWith("settlement_month: Spark and DuckDB differ in 2 values")
        .contains("\n  T-001  dep_water  Spark 1, DuckDB 2");
  }

  @Test
  void readsEveryCurrentFileAndSaysHowLongItTook() throws IOException {
    DuckDbPeer.Result result = duckDb(IndicatorWarehouse.warehouse(), "1405-08");
    // Each period was ingested once, so every clean and quarantined Parquet file is current.
    long parquet = 0;
    for (String layer : List.of("clean", "quarantine")) {
      try (Stream<Path> files =
          Files.walk(IndicatorWarehouse.root().resolve("warehouse/" + layer))) {
        parquet += files.filter(file -> file.toString().endsWith(".parquet")).count();
      }
    }
    assertThat(result.files()).isEqualTo(parquet).isPositive();
    assertThat(result.millis()).isEqualTo(result.loadMillis() + result.queryMillis());
    assertThat(result.loadMillis()).isNotNegative();
    assertThat(result.queryMillis()).isNotNegative();
    assertThat(result.listMillis()).isNotNegative();
  }

  @Test
  void agreesWithSparkOnAGeneratedProvince(@TempDir Path temp) {
    SparkSession spark = SparkTests.session();
    String inbox = temp.resolve("inbox").toString();
    String root = temp.resolve("warehouse").toString();
    String reference = Fixtures.REFERENCE.toString();
    run(
        "generate",
        "--periods",
        "1405-07..1405-08",
        "--scale",
        "0.1",
        "--inbox",
        inbox,
        "--reference",
        reference);
    run(
        "ingest",
        "--period",
        "1405-07..1405-08",
        "--inbox",
        inbox,
        "--warehouse",
        root,
        "--reference",
        reference);
    run("aggregate", "--period", "1405-08", "--warehouse", root, "--reference", reference);
    Warehouse warehouse = new Warehouse(spark, root);
    DuckDbPeer.Result result =
        DuckDbPeer.settlementMonth(spark, warehouse, Fixtures.registry(), Period.parse("1405-08"));
    MartComparison comparison = MartComparison.settlementMonth(warehouse, result);
    assertThat(comparison.report())
        .isEqualTo(
            "settlement_month: Spark and DuckDB agree on "
                + Fixtures.registry().settlements().size()
                + " rows × "
                + DuckDbPeer.COLUMNS.size()
                + " columns");
    assertThat(
            result.rows().rows().stream()
                .mapToLong(row -> ((Number) row.get("households")).longValue())
                .sum())
        .isGreaterThan(1000);
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Tashil.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute(args)).as(String.join(" ", args) + "\n" + err).isZero();
  }
}
