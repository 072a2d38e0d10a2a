package org.tashil.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tashil.calendar.Period;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.schema.ColumnType;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The intermediate layer: the state of households and demands at the end of a period, from every
 * version received up to it, so that re-aggregating an old period gives its numbers as they stood.
 */
final class AsOf {

  /**
   * The low bits of a version's order number that hold its source line (an int, never negative).
   */
  private static final int LINE_BITS = 31;

  /** The bits above the line that hold the version's place: its period and source file. */
  private static final int PLACE_BITS = 15;

  /**
   * The day a version's date is counted from in the high bits of its order number. Ingest accepts
   * dates from 1900 to 2199 only (ValueParser), 109,572 days at most: 17 bits, so that the order
   * number, date, place and line, is a positive long.
   */
  private static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(1900, 1, 1);

  private static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(2199, 12, 31);

  private static final String ORDER = "version_order";
  private static final String PLACE = "version_place";

  private AsOf() {}

  /**
   * Whether a picked version keeps its date, period, source file and line: what tests compare, and
   * what the indicators do not read (restoring them is a join per picked row).
   */
  enum Source {
    KEPT,
    DROPPED
  }

  /**
   * The household basis (contract §5.1): for each settlement and household code, the latest survey
   * with surveyed_on on or before the period's last day, from every period up to it; ties go to the
   * later period, then the later source file and line. Every column of the survey but its own id
   * (free text, which the pick does not carry), and, when {@code source} is kept, the survey's
   * period, source file and line.
   */
  static Dataset<Row> householdsAsOfPeriod(
      Warehouse warehouse, Registry registry, Period period, Source source) {
    org.tashil.schema.Dataset dataset = org.tashil.schema.Dataset.HOUSEHOLDS;
    List<String> carried = new ArrayList<>();
    for (org.tashil.schema.Column column : dataset.schema().columns()) {
      boolean freeText =
          column.type() == ColumnType.TEXT
              && column.lookup() == org.tashil.schema.Column.Lookup.NONE;
      if (!freeText && !HOUSEHOLD_KEY.contains(column.name())) {
        carried.add(column.name());
      }
    }
    carried.remove("surveyed_on");
    return latest(
        surveys(warehouse, period),
        places(warehouse, dataset, period),
        "surveyed_on",
        HOUSEHOLD_KEY,
        carried,
        vocabularies(dataset, registry),
        source);
  }

  /**
   * The household basis with each household's flags ({@link HouseholdIndicators#withFlags}), and
   * only the columns the sums need. A household's flags depend on its survey alone, so they are
   * computed on every version first and the latest version is picked among narrow rows.
   */
  static Dataset<Row> flaggedHouseholdsAsOfPeriod(
      Warehouse warehouse, Registry registry, Period period, Source source) {
    return latest(
        HouseholdIndicators.withFlags(surveys(warehouse, period)),
        places(warehouse, org.tashil.schema.Dataset.HOUSEHOLDS, period),
        "surveyed_on",
        HOUSEHOLD_KEY,
        HouseholdIndicators.inputsOfSums(),
        vocabularies(org.tashil.schema.Dataset.HOUSEHOLDS, registry),
        source);
  }

  /**
   * The demand states (contract §5.4): for each office and demand id, the latest version with
   * updated_on on or before the period's last day; ties go to the later period, then the later
   * source file and line. Only the columns the indicators and the list of open demands read.
   */
  static Dataset<Row> demandsAsOfPeriod(
      Warehouse warehouse, Registry registry, Period period, Source source) {
    Dataset<Row> versions =
        warehouse
            .read("clean/demands")
            .where(col(Tables.PERIOD).leq(lit(period.toString())))
            .where(col("updated_on").leq(lit(period.lastDay())));
    return latest(
        versions,
        places(warehouse, org.tashil.schema.Dataset.DEMANDS, period),
        "updated_on",
        List.of(Tables.OFFICE_ID, "demand_id"),
        List.of(
            "settlement_id",
            "agency_id",
            "category",
            "priority",
            "status",
            "registered_on",
            "closed_on",
            "households_affected"),
        vocabularies(org.tashil.schema.Dataset.DEMANDS, registry),
        source);
  }

  private static final List<String> HOUSEHOLD_KEY = List.of("settlement_id", "household_code");

  private static Dataset<Row> surveys(Warehouse warehouse, Period period) {
    return warehouse
        .read("clean/households")
        .where(col(Tables.PERIOD).leq(lit(period.toString())))
        .where(col("surveyed_on").leq(lit(period.lastDay())));
  }

  /**
   * The closed lists of values of a dataset's text columns: an enumeration's values, the registry's
   * settlement or agency ids.
   */
  private static Map<String, List<String>> vocabularies(
      org.tashil.schema.Dataset dataset, Registry registry) {
    Map<String, List<String>> vocabularies = new LinkedHashMap<>();
    for (org.tashil.schema.Column column : dataset.schema().columns()) {
      if (column.type() == ColumnType.ENUM) {
        vocabularies.put(column.name(), column.values());
      } else if (column.lookup() == org.tashil.schema.Column.Lookup.SETTLEMENT) {
        vocabularies.put(
            column.name(), registry.settlements().stream().map(Settlement::id).toList());
      } else if (column.lookup() == org.tashil.schema.Column.Lookup.AGENCY) {
        vocabularies.put(column.name(), registry.agencies().stream().map(Agency::id).toList());
      }
    }
    return vocabularies;
  }

  /**
   * One row per key: the version with the greatest (date, period, source file, source line), with
   * the key, the carried columns, and, when {@code kept}, that date, period, source file and line.
   *
   * <p>The pick is a hash aggregation over numbers, not a sort of every version. Each version's
   * place in that order becomes one long: its date's day count, then its place among the {@code
   * places} (period, source file), then its source line, in bits of their own. Text columns are
   * carried as their position in their closed list of values ({@code vocabularies}) and turned back
   * into text after the pick; a value outside its list (a settlement since dropped from the
   * registry) comes back empty, as the registry joins that follow would drop it.
   */
  private static Dataset<Row> latest(
      Dataset<Row> versions,
      Dataset<Row> places,
      String dateColumn,
      List<String> key,
      List<String> carried,
      Map<String, List<String>> vocabularies,
      Source kept) {
    List<Column> encoded = new ArrayList<>();
    key.forEach(name -> encoded.add(col(name)));
    for (String name : carried) {
      List<String> values = vocabularies.get(name);
      if (values != null) {
        encoded.add(array_position(literals(values), col(name)).cast("int").as(name));
      } else if (versions.schema().apply(name).dataType().equals(DataTypes.StringType)) {
        throw new IllegalArgumentException(name + " is text without a closed list of values");
      } else {
        encoded.add(col(name));
      }
    }
    encoded.add(order(col(dateColumn)).as(ORDER));
    Dataset<Row> ordered =
        versions
            .join(broadcast(places), new String[] {Tables.PERIOD, "source_file"}, "left")
            .select(encoded.toArray(Column[]::new));

    List<Column> picks = new ArrayList<>();
    for (String name : carried) {
      picks.add(max_by(col(name), col(ORDER)).as(name));
    }
    Dataset<Row> picked =
        ordered
            .groupBy(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .agg(max(col(ORDER)).as(ORDER), picks.toArray(Column[]::new));

    List<Column> restored = new ArrayList<>();
    key.forEach(name -> restored.add(col(name)));
    if (kept == Source.KEPT) {
      restored.add(
          date_add(lit(FIRST_DAY), shiftright(col(ORDER), LINE_BITS + PLACE_BITS).cast("int"))
              .as(dateColumn));
      restored.add(col(Tables.PERIOD));
      restored.add(col("source_file"));
      restored.add(col(ORDER).bitwiseAND((1L << LINE_BITS) - 1).cast("int").as("source_line"));
    }
    for (String name : carried) {
      List<String> values = vocabularies.get(name);
      restored.add(
          values == null
              ? col(name)
              : when(col(name).gt(0), element_at(literals(values), col(name))).as(name));
    }
    if (kept == Source.KEPT) {
      picked =
          picked
              .withColumn(
                  PLACE, shiftright(col(ORDER), LINE_BITS).bitwiseAND((1L << PLACE_BITS) - 1))
              .join(broadcast(places), PLACE);
    }
    return picked.select(restored.toArray(Column[]::new));
  }

  /**
   * A version's order number: its date's days since {@link #FIRST_DAY}, its place, its source line.
   * A version whose date ingest would not accept, or whose period and file the period's submissions
   * do not list (a warehouse whose last ingest stopped between its tables), fails the job with a
   * message saying so, rather than being ordered wrongly or dropped.
   */
  private static Column order(Column date) {
    Column days = datediff(date, lit(FIRST_DAY)).cast("long");
    return when(
            col(PLACE).isNull(),
            raise_error(
                concat(
                    lit("a row of "),
                    col("source_file"),
                    lit(" in "),
                    col(Tables.PERIOD),
                    lit(
                        " is in a clean table but the period's submissions do not list that file:"
                            + " ingest the period again"))))
        .when(
            date.lt(lit(FIRST_DAY)).or(date.gt(lit(LAST_DAY))),
            raise_error(
                concat(
                    lit("a date outside 1900-2199 in "),
                    col("source_file"),
                    lit(": "),
                    date.cast("string"))))
        .otherwise(
            shiftleft(days, LINE_BITS + PLACE_BITS)
                .bitwiseOR(shiftleft(col(PLACE), LINE_BITS))
                .bitwiseOR(col("source_line").cast("long")));
  }

  /**
   * Every (period, source file) of a dataset's versions up to the period, numbered in that order
   * (text by its UTF-8 bytes): the files the submissions table lists for the dataset, a few dozen a
   * month, collected to the driver. The clean tables hold rows of those files only once an ingest
   * has ended: it replaces a period's clean rows, then its submissions.
   *
   * @throws IllegalStateException when there are more than the order number has room for
   */
  private static Dataset<Row> places(
      Warehouse warehouse, org.tashil.schema.Dataset dataset, Period period) {
    List<Row> files =
        warehouse
            .read("submissions")
            .where(col(Tables.PERIOD).leq(lit(period.toString())))
            .where(col("dataset").equalTo(dataset.tableName()))
            .select(Tables.PERIOD, "file")
            .distinct()
            .collectAsList();
    List<Row> rows = new ArrayList<>(files);
    rows.sort(
        Comparator.comparing((Row row) -> utf8(row.getString(0)), java.util.Arrays::compareUnsigned)
            .thenComparing(row -> utf8(row.getString(1)), java.util.Arrays::compareUnsigned));
    if (rows.size() > 1 << PLACE_BITS) {
      throw new IllegalStateException(
          "the "
              + dataset.tableName()
              + " of "
              + rows.size()
              + " files up to "
              + period
              + " are more than the as-of pick orders ("
              + (1 << PLACE_BITS)
              + ")");
    }
    List<Row> numbered = new ArrayList<>(rows.size());
    for (int place = 0; place < rows.size(); place++) {
      Row row = rows.get(place);
      numbered.add(RowFactory.create(row.get(0), row.get(1), (long) place));
    }
    StructType schema =
        new StructType()
            .add(Tables.PERIOD, DataTypes.StringType)
            .add("source_file", DataTypes.StringType)
            .add(PLACE, DataTypes.LongType, false);
    return warehouse.spark().createDataFrame(numbered, schema);
  }

  /** Text as Spark and DuckDB order it: by its UTF-8 bytes. */
  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Column literals(List<String> values) {
    return array(values.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
  }
}
