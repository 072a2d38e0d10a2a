package org.tashil.bench;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;
import org.tashil.aggregate.IndicatorWarehouse;
import org.tashil.calendar.Period;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/** The run's commits alone: one row, one commit, in every table a run writes, and nothing else. */
class TestDeltaFloor {

  private static final Period NEXT = Period.parse("1405-10");

  @Test
  void replacesThePeriodWithOneRowInEachOfTheTwentyFourTables(@TempDir Path root) {
    Path copy =
        org.tashil.LocalFolders.copy(
            IndicatorWarehouse.root().resolve("warehouse"), root.resolve("warehouse"));
    Warehouse warehouse = new Warehouse(SparkTests.session(), copy.toString());
    List<String> tables = DeltaFloor.stages().values().stream().flatMap(List::stream).toList();
    assertThat(tables).hasSize(24).doesNotHaveDuplicates();
    assertThat(tables).contains("clean/households", "submissions", "marts/trend");
    Map<String, Long> before = new LinkedHashMap<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : tables) {
      before.put(table, warehouse.read(table).count());
      versions.put(table, warehouse.version(table));
    }

    assertThat(before.values().stream().filter(rows -> rows > 0)).hasSizeGreaterThan(12);

    Map<String, Double> seconds = DeltaFloor.commitOneRowEach(warehouse, NEXT);

    assertThat(seconds).containsOnlyKeys("ingest", "aggregate");
    for (String table : tables) {
      // One row, or none for a table with none (the fixture quarantines no demand).
      assertThat(warehouse.readPeriod(table, NEXT).count())
          .as(table)
          .isEqualTo(Math.min(1, before.get(table)));
      assertThat(warehouse.read(table).where(col(Tables.PERIOD).notEqual(NEXT.toString())).count())
          .as(table + ", other periods")
          .isEqualTo(before.get(table));
      if (before.get(table) > 0) {
        // Delta commits nothing for an empty period replaced with no rows, as in a run.
        assertThat(warehouse.version(table)).as(table).isEqualTo(versions.get(table) + 1);
      }
    }
  }

  @Test
  void aWarehouseWithoutTheTablesIsRefused(@TempDir Path root) {
    Warehouse empty = new Warehouse(SparkTests.session(), root.toString());
    assertThatThrownBy(() -> DeltaFloor.commitOneRowEach(empty, NEXT))
        .hasMessageContaining("the warehouse has no");
  }
}
