package org.tashil.aggregate;

import static org.apache.spark.sql.functions.array;
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
import java.util.List;
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
   * The first day ingest accepts (ValueParser: dates from 1900 to 2199 only). A carried date, and
   * the high bits of a version's order number, count days from the day before it: 1 for this day, 0
   * for no date, 109,573 numbers in 17 bits, so that the order number, date, place and line, is a
   * positive long.
   */
  private static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(1900, 1, 1);

  private static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(2199, 12, 31);

  private static final String ORDER = "version_order";
  private static final String PLACE = "version_place";

  /** The prefix of the longs the carried columns are packed into. */
  private static final String PACKED = "version_packed_";

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
    org.tashil.schema.OfficeDataset dataset = org.tashil.schema.OfficeDataset.HOUSEHOLDS;
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
        codes(dataset, registry, carried),
        source);
  }

  /**
   * The household basis with each household's flags ({@link HouseholdIndicators#withFlags}): the
   * flags of the survey picked.
   */
  static Dataset<Row> flaggedHouseholdsAsOfPeriod(
      Warehouse warehouse, Registry registry, Period period, Source source) {
    return HouseholdIndicators.withFlags(householdsAsOfPeriod(warehouse, registry, period, source));
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
        places(warehouse, org.tashil.schema.OfficeDataset.DEMANDS, period),
        "updated_on",
        List.of(Tables.OFFICE_ID, "demand_id"),
        codes(
            org.tashil.schema.OfficeDataset.DEMANDS,
            registry,
            List.of(
                "settlement_id",
                "agency_id",
                "category",
                "priority",
                "status",
                "registered_on",
                "closed_on",
                "households_affected")),
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
   * How each carried column of a dataset travels through the pick: as a whole number from 0 up,
   * from its definition in the dataset's schema. An enumeration or a registry's id is its position
   * in its closed list of values (the schema's values, the registry's settlement or agency ids), 0
   * for no value; a whole number itself ({@link Code#whole}); a date its days from the day before
   * {@link #FIRST_DAY}, 0 for no date. A value outside its list (a settlement since dropped from
   * the registry) travels as no value, as the registry joins that follow would drop it; a number or
   * date outside what ingest accepts fails the job rather than being picked wrong.
   *
   * @throws IllegalArgumentException for a column of free text, which has no such number
   */
  private static List<Code> codes(
      org.tashil.schema.OfficeDataset dataset, Registry registry, List<String> carried) {
    List<Code> codes = new ArrayList<>();
    for (String name : carried) {
      org.tashil.schema.Column column =
          dataset
              .schema()
              .column(name)
              .orElseThrow(() -> new IllegalArgumentException(name + " is not a column"));
      List<String> values =
          switch (column.lookup()) {
            case SETTLEMENT -> registry.settlements().stream().map(Settlement::id).toList();
            case AGENCY -> registry.agencies().stream().map(Agency::id).toList();
            case NONE -> column.type() == ColumnType.ENUM ? column.values() : null;
          };
      if (values != null) {
        codes.add(Code.position(name, values));
      } else if (column.type() == ColumnType.INTEGER) {
        codes.add(Code.whole(name, column.min(), column.max()));
      } else if (column.type() == ColumnType.DATE) {
        codes.add(Code.days(name));
      } else {
        throw new IllegalArgumentException(name + " is text without a closed list of values");
      }
    }
    return codes;
  }

  /**
   * One carried column as a whole number in {@code bits} bits: {@code encoded} from the column,
   * {@code decoded} back from the number.
   */
  private record Code(
      String name, int bits, Column encoded, java.util.function.Function<Column, Column> decoded) {

    static Code position(String name, List<String> values) {
      // From value to position through a constant map, which Spark looks up by hash from the size
      // Spark.session sets (the registry's ids): array_position compared each value with half the
      // list on average (130 settlements), for every version the pick reads.
      List<Column> positions = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        positions.add(lit(values.get(i)));
        positions.add(lit(i + 1L));
      }
      Column map = org.apache.spark.sql.functions.map(positions.toArray(Column[]::new));
      Column list = literals(values);
      return new Code(
          name,
          bitsFor(values.size()),
          org.apache.spark.sql.functions.coalesce(element_at(map, col(name)), lit(0L)),
          code -> when(code.gt(0), element_at(list, code.cast("int"))));
    }

    /**
     * A whole number travels as itself, no value as 0, or, where the schema allows 0, as one more
     * than the largest. No arithmetic: Spark checks every addition and subtraction for overflow, a
     * call per value, and the pick encodes every version it reads.
     */
    static Code whole(String name, int min, int max) {
      if (min < 0) {
        throw new IllegalArgumentException(name + " may be negative, which the pick cannot carry");
      }
      Column value = col(name);
      long none = min == 0 ? max + 1L : 0L;
      return new Code(
          name,
          bitsFor(Math.max(none, max)),
          when(value.isNull(), lit(none))
              .when(value.between(min, max), value.cast("long"))
              .otherwise(outside(name, value)),
          code -> when(code.notEqual(lit(none)), code.cast("int")));
    }

    /** A date travels as its days from the day before {@link #FIRST_DAY}, no date as 0. */
    static Code days(String name) {
      Column value = col(name);
      Column dayZero = lit(FIRST_DAY.minusDays(1));
      return new Code(
          name,
          bitsFor(java.time.temporal.ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1),
          when(value.isNull(), lit(0L))
              .when(
                  value.between(lit(FIRST_DAY), lit(LAST_DAY)),
                  datediff(value, dayZero).cast("long"))
              .otherwise(outside(name, value)),
          code -> when(code.gt(0), date_add(dayZero, code.cast("int"))));
    }

    private static Column outside(String name, Column value) {
      return raise_error(
          concat(
              lit("a value of " + name + " ingest would not accept, in "),
              col("source_file"),
              lit(": "),
              value.cast("string")));
    }

    /** The bits that hold the numbers 0 to {@code count}. */
    private static int bitsFor(long count) {
      return Long.SIZE - Long.numberOfLeadingZeros(count);
    }
  }

  /**
   * One row per key: the version with the greatest (date, period, source file, source line), with
   * the key, the carried columns, and, when {@code kept}, that date, period, source file and line.
   *
   * <p>The pick is a hash aggregation over numbers, not a sort of every version. Each version's
   * place in that order becomes one long: its date's day count, then its place among the {@code
   * places} (period, source file), then its source line, in bits of their own. The carried columns
   * travel as whole numbers ({@link Code}) packed side by side into as few longs as hold them, each
   * long picked with {@code max_by(long, order)}, and are unpacked after the pick.
   */
  private static Dataset<Row> latest(
      Dataset<Row> versions,
      Dataset<Row> places,
      String dateColumn,
      List<String> key,
      List<Code> carried,
      Source kept) {
    List<List<Code>> longs = new ArrayList<>();
    int used = Long.SIZE;
    for (Code code : carried) {
      if (used + code.bits() > Long.SIZE - 1) {
        longs.add(new ArrayList<>());
        used = 0;
      }
      longs.get(longs.size() - 1).add(code);
      used += code.bits();
    }
    List<Column> encoded = new ArrayList<>();
    key.forEach(name -> encoded.add(col(name)));
    for (int i = 0; i < longs.size(); i++) {
      Column packed = lit(0L);
      int shift = 0;
      for (Code code : longs.get(i)) {
        packed = packed.bitwiseOR(shiftleft(code.encoded(), shift));
        shift += code.bits();
      }
      encoded.add(packed.as(PACKED + i));
    }
    Code date = Code.days(dateColumn);
    encoded.add(order(date).as(ORDER));
    Dataset<Row> ordered =
        versions
            .join(broadcast(places), new String[] {Tables.PERIOD, "source_file"}, "left")
            .select(encoded.toArray(Column[]::new));

    List<Column> picks = new ArrayList<>();
    for (int i = 0; i < longs.size(); i++) {
      picks.add(max_by(col(PACKED + i), col(ORDER)).as(PACKED + i));
    }
    if (kept == Source.KEPT || picks.isEmpty()) {
      picks.add(max(col(ORDER)).as(ORDER));
    }
    Dataset<Row> picked =
        ordered
            .groupBy(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .agg(picks.get(0), picks.subList(1, picks.size()).toArray(Column[]::new));

    List<Column> restored = new ArrayList<>();
    key.forEach(name -> restored.add(col(name)));
    if (kept == Source.KEPT) {
      restored.add(
          date.decoded().apply(shiftright(col(ORDER), LINE_BITS + PLACE_BITS)).as(dateColumn));
      restored.add(col(Tables.PERIOD));
      restored.add(col("source_file"));
      restored.add(col(ORDER).bitwiseAND((1L << LINE_BITS) - 1).cast("int").as("source_line"));
    }
    for (int i = 0; i < longs.size(); i++) {
      int shift = 0;
      for (Code code : longs.get(i)) {
        Column number = shiftright(col(PACKED + i), shift).bitwiseAND((1L << code.bits()) - 1);
        restored.add(code.decoded().apply(number).as(code.name()));
        shift += code.bits();
      }
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
   * A version's order number: its date as a {@link Code} (days from the day before {@link
   * #FIRST_DAY}), its place, its source line. A version whose date ingest would not accept, or
   * whose period and file the period's submissions do not list (a warehouse whose last ingest
   * stopped between its tables), fails the job with a message saying so, rather than being ordered
   * wrongly or dropped.
   */
  private static Column order(Code date) {
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
        .otherwise(
            shiftleft(date.encoded(), LINE_BITS + PLACE_BITS)
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
      Warehouse warehouse, org.tashil.schema.OfficeDataset dataset, Period period) {
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
