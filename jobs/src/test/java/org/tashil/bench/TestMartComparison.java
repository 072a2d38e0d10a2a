package org.tashil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tashil.bench.MartComparison.Difference;

/** How two engines' rows are compared: keys, exact integers and text, doubles within 1e-9. */
class TestMartComparison {

  private static final List<String> COLUMNS = List.of("settlement_id", "households", "m0", "name");

  private static MartTable table(Object[]... rows) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (Object[] row : rows) {
      Map<String, Object> value = new LinkedHashMap<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        value.put(COLUMNS.get(i), row[i]);
      }
      values.add(value);
    }
    return new MartTable(COLUMNS, values);
  }

  private static MartTable spark() {
    return table(
        new Object[] {"T-001", 6, 0.084, "Test One"}, new Object[] {"T-002", 2, null, "Test Two"});
  }

  private static MartComparison compare(MartTable duckDb) {
    return MartComparison.compare("settlement_month", "settlement_id", spark(), duckDb);
  }

  @Test
  void equalRowsAgreeWhateverTheIntegersWidthAndTheRowOrder() {
    MartComparison comparison =
        compare(
            table(
                new Object[] {"T-002", 2L, null, "Test Two"},
                new Object[] {"T-001", 6L, 0.084, "Test One"}));
    assertThat(comparison.agree()).isTrue();
    assertThat(comparison.report())
        .isEqualTo("settlement_month: Spark and DuckDB agree on 2 rows × 4 columns");
  }

  @Test
  void doublesAgreeWithinOneBillionthOfTheirSize() {
    double close = 0.084 * (1 + 1e-12);
    double far = 0.084 * (1 + 1e-8);
    assertThat(compare(spark().with("settlement_id", "T-001", "m0", close)).agree()).isTrue();
    MartComparison comparison = compare(spark().with("settlement_id", "T-001", "m0", far));
    assertThat(comparison.differences()).containsExactly(new Difference("T-001", "m0", 0.084, far));
  }

  @Test
  void aChangedFigureIsListedWithBothValues() {
    MartComparison comparison = compare(spark().with("settlement_id", "T-001", "households", 7L));
    assertThat(comparison.agree()).isFalse();
    assertThat(comparison.differences())
        .containsExactly(new Difference("T-001", "households", 6, 7L));
    assertThat(comparison.report())
        .isEqualTo(
            "settlement_month: Spark and DuckDB differ in 1 value (2 rows × 4 columns compared):\n"
                + "  T-001  households  Spark 6, DuckDB 7");
  }

  @Test
  void nullIsNotZeroAndACountIsNotAFraction() {
    MartComparison comparison =
        compare(
            spark()
                .with("settlement_id", "T-002", "m0", 0.0)
                .with("settlement_id", "T-001", "households", 6.0));
    assertThat(comparison.differences())
        .containsExactlyInAnyOrder(
            new Difference("T-002", "m0", null, 0.0),
            new Difference("T-001", "households", 6, 6.0));
  }

  @Test
  void aRowOnlyOneSideHasIsADifference() {
    MartComparison comparison =
        compare(
            table(
                new Object[] {"T-001", 6, 0.084, "Test One"},
                new Object[] {"T-009", 0, null, "Elsewhere"}));
    assertThat(comparison.differences())
        .containsExactly(
            new Difference("T-002", MartComparison.ALL, "present", "missing"),
            new Difference("T-009", MartComparison.ALL, "missing", "present"));
    assertThat(comparison.rows()).isEqualTo(1);
  }

  @Test
  void aColumnOnlyOneSideHasIsADifference() {
    List<String> fewer = List.of("settlement_id", "households", "m0");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : spark().rows()) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.remove("name");
      rows.add(copy);
    }
    MartComparison comparison = compare(new MartTable(fewer, rows));
    assertThat(comparison.differences())
        .containsExactly(new Difference(MartComparison.ALL, "name", "present", "missing"));
    assertThat(comparison.columns()).isEqualTo(3);
  }

  @Test
  void theReportListsTwentyDifferencesAndCountsTheRest() {
    List<Object[]> many = new ArrayList<>();
    List<Object[]> changed = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add(new Object[] {"S-" + (100 + i), i, 0.5, "S"});
      changed.add(new Object[] {"S-" + (100 + i), i + 1, 0.5, "S"});
    }
    MartComparison comparison =
        MartComparison.compare(
            "settlement_month",
            "settlement_id",
            table(many.toArray(Object[][]::new)),
            table(changed.toArray(Object[][]::new)));
    String[] lines = comparison.report().split("\n");
    assertThat(lines).hasSize(1 + 20 + 1);
    assertThat(lines[0]).startsWith("settlement_month: Spark and DuckDB differ in 25 values");
    assertThat(lines[1]).isEqualTo("  S-100  households  Spark 0, DuckDB 1");
    assertThat(lines[21]).isEqualTo("  … and 5 more");
    assertThat(Arrays.asList(lines)).doesNotContain("  S-124  households  Spark 24, DuckDB 25");
  }

  @Test
  void twoRowsWithOneKeyAreRefused() {
    MartTable twice =
        table(
            new Object[] {"T-001", 6, 0.084, "Test One"},
            new Object[] {"T-001", 6, 0.084, "Test One"});
    assertThatThrownBy(() -> compare(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("settlement_month: DuckDB has two rows with settlement_id = T-001");
  }
}
