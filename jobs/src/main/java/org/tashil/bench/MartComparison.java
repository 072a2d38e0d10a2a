package org.tashil.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tashil.warehouse.Warehouse;

/**
 * Whether Spark's rows of a mart and DuckDB's rows for the same period are the same: the same keys,
 * and in every row every column equal, exactly for text and integers, within a relative 1e-9 for
 * doubles (the two engines may round a division or an interpolation in a different last bit). A
 * column only one side has is a difference too.
 */
public final class MartComparison {

  /** How far apart two doubles may be, relative to the larger, and still agree. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /** How many differences {@link #report} lists before it says how many more there are. */
  private static final int LISTED = 20;

  /** Stands for a whole row or a whole column in a {@link Difference}. */
  public static final String ALL = "*";

  /**
   * One value that differs: the row's key and the column, and what each engine has there. A row
   * only one side has is {@code (key, *, present|missing, …)}; a column only one side has is {@code
   * (*, column, present|missing, …)}.
   */
  public record Difference(String key, String column, Object spark, Object duckDb) {

    @Override
    public String toString() {
      return key + "  " + column + "  Spark " + spark + ", DuckDB " + duckDb;
    }
  }

  private final String mart;
  private final int rows;
  private final int columns;
  private final List<Difference> differences;

  private MartComparison(String mart, int rows, int columns, List<Difference> differences) {
    this.mart = mart;
    this.rows = rows;
    this.columns = columns;
    this.differences = List.copyOf(differences);
  }

  /**
   * Spark's {@code settlement_month} rows of DuckDB's period, read from the warehouse as the mart
   * declares its columns ({@link DuckDbPeer#COLUMNS}: all but those that say which files arrived),
   * against DuckDB's: a declared column DuckDB does not compute is a difference.
   */
  public static MartComparison settlementMonth(Warehouse warehouse, DuckDbPeer.Result duckDb) {
    MartTable spark =
        MartTable.collect(
            warehouse
                .readPeriod("marts/" + DuckDbPeer.MART, duckDb.period())
                .select(
                    DuckDbPeer.COLUMNS.stream()
                        .map(org.tashil.aggregate.marts.MartColumn::col)
                        .toArray(org.apache.spark.sql.Column[]::new)));
    return compare(DuckDbPeer.MART, DuckDbPeer.KEY, spark, duckDb.rows());
  }

  /** Compares two engines' rows of a mart, keyed by {@code keyColumn}. */
  public static MartComparison compare(
      String mart, String keyColumn, MartTable spark, MartTable duckDb) {
    List<Difference> differences = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (String column : spark.columns()) {
      if (duckDb.columns().contains(column)) {
        shared.add(column);
      } else {
        differences.add(new Difference(ALL, column, "present", "missing"));
      }
    }
    for (String column : duckDb.columns()) {
      if (!spark.columns().contains(column)) {
        differences.add(new Difference(ALL, column, "missing", "present"));
      }
    }
    if (!shared.contains(keyColumn)) {
      throw new IllegalArgumentException(
          mart + ": the key column " + keyColumn + " is not in both sides' rows");
    }
    Map<String, Map<String, Object>> sparkRows = byKey(mart, "Spark", keyColumn, spark);
    Map<String, Map<String, Object>> duckDbRows = byKey(mart, "DuckDB", keyColumn, duckDb);
    Set<String> keys = new TreeSet<>(sparkRows.keySet());
    keys.addAll(duckDbRows.keySet());
    int both = 0;
    for (String key : keys) {
      Map<String, Object> sparkRow = sparkRows.get(key);
      Map<String, Object> duckDbRow = duckDbRows.get(key);
      if (sparkRow == null || duckDbRow == null) {
        differences.add(
            new Difference(
                key,
                ALL,
                sparkRow == null ? "missing" : "present",
                duckDbRow == null ? "missing" : "present"));
        continue;
      }
      both++;
      for (String column : shared) {
        Object sparkValue = sparkRow.get(column);
        Object duckDbValue = duckDbRow.get(column);
        if (!same(sparkValue, duckDbValue)) {
          differences.add(new Difference(key, column, sparkValue, duckDbValue));
        }
      }
    }
    return new MartComparison(mart, both, shared.size(), differences);
  }

  /**
   * Equal text, dates and booleans; equal integers whatever their width; doubles within {@link
   * #RELATIVE_TOLERANCE}. An integer never equals a double: a count computed as a fraction is a
   * difference in definition.
   */
  static boolean same(Object spark, Object duckDb) {
    if (spark == null || duckDb == null) {
      return spark == null && duckDb == null;
    }
    if (integral(spark) && integral(duckDb)) {
      return new BigDecimal(spark.toString()).compareTo(new BigDecimal(duckDb.toString())) == 0;
    }
    if (floating(spark) && floating(duckDb)) {
      double a = ((Number) spark).doubleValue();
      double b = ((Number) duckDb).doubleValue();
      if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
        return Double.compare(a, b) == 0;
      }
      return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
    return spark.equals(duckDb);
  }

  private static boolean integral(Object value) {
    return value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long
        || value instanceof BigInteger;
  }

  private static boolean floating(Object value) {
    return value instanceof Double || value instanceof Float;
  }

  private static Map<String, Map<String, Object>> byKey(
      String mart, String engine, String keyColumn, MartTable table) {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (Map<String, Object> row : table.rows()) {
      String key = Objects.toString(row.get(keyColumn));
      if (rows.put(key, row) != null) {
        throw new IllegalArgumentException(
            mart + ": " + engine + " has two rows with " + keyColumn + " = " + key);
      }
    }
    return rows;
  }

  public String mart() {
    return mart;
  }

  /** The rows both sides have. */
  public int rows() {
    return rows;
  }

  /** The columns both sides have. */
  public int columns() {
    return columns;
  }

  public boolean agree() {
    return differences.isEmpty();
  }

  public List<Difference> differences() {
    return differences;
  }

  /** The columns in which some value differs, in the order found. */
  public Set<String> differingColumns() {
    Set<String> names = new LinkedHashSet<>();
    differences.forEach(difference -> names.add(difference.column()));
    return names;
  }

  /**
   * {@code settlement_month: Spark and DuckDB agree on 130 rows × 71 columns}, or the differences,
   * one a line (settlement, column, Spark's value, DuckDB's value), the first 20 of them.
   */
  public String report() {
    if (agree()) {
      return String.format(
          Locale.ROOT, "%s: Spark and DuckDB agree on %d rows × %d columns", mart, rows, columns);
    }
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: Spark and DuckDB differ in %d value%s (%d rows × %d columns compared):",
                mart,
                differences.size(),
                differences.size() == 1 ? "" : "s",
                rows,
                columns));
    for (Difference difference : differences.subList(0, Math.min(LISTED, differences.size()))) {
      report.append("\n  ").append(difference);
    }
    if (differences.size() > LISTED) {
      report.append("\n  … and ").append(differences.size() - LISTED).append(" more");
    }
    return report.toString();
  }

  @Override
  public String toString() {
    return report();
  }
}
