package org.tashil.aggregate.intermediate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * One column as the packed pick carries it ({@link PackedAsOfStates}): a whole number from 0 up in
 * {@code bits} bits, {@code encoded} from the column and {@code decoded} back into the column's
 * type, 0 standing for no value.
 *
 * @param name the column
 * @param bits the bits that hold every number the column is encoded as
 * @param encoded the column as a long
 * @param decoded from that long back to the column's value
 */
record PackedCode(String name, int bits, Column encoded, Function<Column, Column> decoded) {

  /**
   * The first day ingest accepts (ValueParser: dates from 1900 to 2199 only). A date travels as its
   * days from the day before it: 1 for this day, 0 for no date, 109,573 numbers in 17 bits.
   */
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

  PackedCode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(decoded, "decoded");
    if (bits < 1 || bits > Long.SIZE - 1) {
      throw new IllegalArgumentException(name + " in " + bits + " bits, not 1 to 63");
    }
  }

  /**
   * A value of a closed list travels as its position in the list, from 1; no value, or a value
   * outside the list, as 0.
   */
  static PackedCode position(String name, List<String> values) {
    // From value to position through a constant map, which Spark looks up by hash from the size
    // Spark.session sets (the registry's ids), where array_position would compare each value with
    // half the list on average, for every version the pick reads.
    List<Column> positions = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      positions.add(lit(values.get(i)));
      positions.add(lit(i + 1L));
    }
    Column map = org.apache.spark.sql.functions.map(positions.toArray(Column[]::new));
    Column list = array(values.stream().map(value -> lit(value)).toArray(Column[]::new));
    return new PackedCode(
        name,
        bitsFor(values.size()),
        coalesce(element_at(map, col(name)), lit(0L)),
        code -> when(code.gt(0), element_at(list, code.cast("int"))));
  }

  /**
   * A whole number travels as itself, no value as 0, or, where the schema allows 0, as one more
   * than the largest. No arithmetic: Spark checks every addition and subtraction for overflow, a
   * call per value, and the pick encodes every version it reads.
   *
   * @throws IllegalArgumentException when the schema allows a negative number
   */
  static PackedCode whole(String name, int min, int max) {
    if (min < 0) {
      throw new IllegalArgumentException(name + " may be negative, which the pick cannot carry");
    }
    Column value = col(name);
    long none = min == 0 ? max + 1L : 0L;
    return new PackedCode(
        name,
        bitsFor(Math.max(none, max)),
        when(value.isNull(), lit(none))
            .when(value.between(min, max), value.cast("long"))
            .otherwise(outside(name, value)),
        code -> when(code.notEqual(lit(none)), code.cast("int")));
  }

  /** A date travels as its days from the day before {@link #FIRST_DAY}, no date as 0. */
  static PackedCode days(String name) {
    Column value = col(name);
    Column dayZero = lit(FIRST_DAY.minusDays(1));
    return new PackedCode(
        name,
        bitsFor(ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1),
        when(value.isNull(), lit(0L))
            .when(
                value.between(lit(FIRST_DAY), lit(LAST_DAY)), datediff(value, dayZero).cast("long"))
            .otherwise(outside(name, value)),
        code -> when(code.gt(0), date_add(dayZero, code.cast("int"))));
  }

  /**
   * Fails the job on a value ingest would not accept, which the column's bits cannot hold, rather
   * than picking it wrong.
   */
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
