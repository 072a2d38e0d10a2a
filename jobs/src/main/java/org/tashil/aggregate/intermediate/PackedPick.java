package org.tashil.aggregate.intermediate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tashil.calendar.Period;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The packed pick of {@link PackedAsOfStates}: a hash aggregation over numbers, not a sort of every
 * version. Each version's place in the order of {@link AsOfStates} becomes one long, its order
 * number: its date's day count ({@link PackedCode#days}), then its place among the (period, source
 * file) pairs of the submissions, then its source line, in bits of their own. The carried columns
 * travel as whole numbers ({@link PackedCode}) packed side by side into as few longs as hold them,
 * each long picked with {@code max_by(long, order)}, and are unpacked after the pick.
 */
final class PackedPick {

  /** The low bits of an order number that hold its source line (an int, never negative). */
  private static final int LINE_BITS = 31;

  /** The bits above the line that hold the version's place: its period and source file. */
  private static final int PLACE_BITS = 15;

  private static final String ORDER = "version_order";
  private static final String PLACE = "version_place";

  /** The prefix of the longs the carried columns are packed into. */
  private static final String PACKED = "version_packed_";

  /** Whether a version is of the earlier period's versions. */
  private static final String IN_EARLIER = "version_in_earlier";

  /** The order number of a version of the earlier period's versions, null for another. */
  private static final String ORDER_EARLIER = "version_order_earlier";

  /** The prefix of the longs of the version picked as of the earlier period. */
  private static final String PACKED_EARLIER = "version_packed_earlier_";

  private PackedPick() {}

  /**
   * One row per key of the entity: the version with the greatest order number, with the key, the
   * carried columns, and, when {@code source} is kept, that version's date, period, source file and
   * line.
   */
  static Dataset<Row> latest(
      Dataset<Row> versions,
      Dataset<Row> places,
      VersionedEntity entity,
      List<PackedCode> carried,
      AsOfStates.Source source) {
    return latest(versions, places, entity, carried, source, null, null, null).rows();
  }

  /**
   * The rows of {@link #latest(Dataset, Dataset, VersionedEntity, List, AsOfStates.Source)}, and in
   * the same aggregation each key's version as of an {@code earlier} period, of the versions sent
   * up to it and dated on or before its end: in the column {@code earlierColumn}, a struct of the
   * carried columns, null for a key with no version as of it.
   *
   * @param earlier an earlier period, or null for none
   * @param hold how to hold the aggregation in memory, its numbers still packed, for rows read more
   *     than once (null: not held)
   */
  static Picked latest(
      Dataset<Row> versions,
      Dataset<Row> places,
      VersionedEntity entity,
      List<PackedCode> carried,
      AsOfStates.Source source,
      Period earlier,
      String earlierColumn,
      StorageLevel hold) {
    List<List<PackedCode>> longs = new ArrayList<>();
    int used = Long.SIZE;
    for (PackedCode code : carried) {
      if (used + code.bits() > Long.SIZE - 1) {
        longs.add(new ArrayList<>());
        used = 0;
      }
      longs.get(longs.size() - 1).add(code);
      used += code.bits();
    }
    List<Column> encoded = new ArrayList<>();
    entity.key().forEach(name -> encoded.add(col(name)));
    for (int i = 0; i < longs.size(); i++) {
      Column packed = lit(0L);
      int shift = 0;
      for (PackedCode code : longs.get(i)) {
        packed = packed.bitwiseOR(shiftleft(code.encoded(), shift));
        shift += code.bits();
      }
      encoded.add(packed.as(PACKED + i));
    }
    PackedCode date = PackedCode.days(entity.dateColumn());
    encoded.add(order(date).as(ORDER));
    if (earlier != null) {
      // Ingest accepts no date after a version's period's end, so the date never leaves out a
      // version of an earlier period: it is there to state the contract, not to trust ingest.
      encoded.add(
          col(Tables.PERIOD)
              .leq(lit(earlier.toString()))
              .and(col(entity.dateColumn()).leq(lit(earlier.lastDay())))
              .as(IN_EARLIER));
    }
    Dataset<Row> ordered =
        versions
            .join(broadcast(places), new String[] {Tables.PERIOD, "source_file"}, "left")
            .select(encoded.toArray(Column[]::new));
    if (earlier != null) {
      ordered =
          ordered.withColumn(ORDER_EARLIER, when(col(IN_EARLIER), col(ORDER))).drop(IN_EARLIER);
    }

    boolean kept = source == AsOfStates.Source.KEPT;
    List<Column> picks = new ArrayList<>();
    for (int i = 0; i < longs.size(); i++) {
      picks.add(max_by(col(PACKED + i), col(ORDER)).as(PACKED + i));
    }
    if (kept || picks.isEmpty()) {
      picks.add(max(col(ORDER)).as(ORDER));
    }
    if (earlier != null) {
      // max_by passes over a null order: a version after the earlier period is not weighed.
      for (int i = 0; i < longs.size(); i++) {
        picks.add(max_by(col(PACKED + i), col(ORDER_EARLIER)).as(PACKED_EARLIER + i));
      }
      picks.add(max(col(ORDER_EARLIER)).as(ORDER_EARLIER));
    }
    Dataset<Row> picked =
        ordered
            .groupBy(entity.key().stream().map(name -> col(name)).toArray(Column[]::new))
            .agg(picks.get(0), picks.subList(1, picks.size()).toArray(Column[]::new));
    Dataset<Row> held = hold == null ? null : picked.persist(hold);

    List<Column> restored = new ArrayList<>();
    entity.key().forEach(name -> restored.add(col(name)));
    if (kept) {
      restored.add(
          date.decoded()
              .apply(shiftright(col(ORDER), LINE_BITS + PLACE_BITS))
              .as(entity.dateColumn()));
      restored.add(col(Tables.PERIOD));
      restored.add(col("source_file"));
      restored.add(col(ORDER).bitwiseAND((1L << LINE_BITS) - 1).cast("int").as("source_line"));
    }
    restored.addAll(unpacked(longs, PACKED));
    if (earlier != null) {
      // Unpacked, a key's null longs would make a struct of nulls, not no struct.
      restored.add(
          when(
                  col(ORDER_EARLIER).isNotNull(),
                  struct(unpacked(longs, PACKED_EARLIER).toArray(Column[]::new)))
              .as(earlierColumn));
    }
    if (kept) {
      picked =
          picked
              .withColumn(
                  PLACE, shiftright(col(ORDER), LINE_BITS).bitwiseAND((1L << PLACE_BITS) - 1))
              .join(broadcast(places), PLACE);
    }
    return new Picked(picked.select(restored.toArray(Column[]::new)), held);
  }

  /**
   * The rows of a pick, and the aggregation they are unpacked from when it is held in memory (null
   * when not), to be freed once the rows are read.
   */
  record Picked(Dataset<Row> rows, Dataset<Row> held) {

    /** Frees what is held in memory, once the rows are read. */
    void release() {
      if (held != null) {
        held.unpersist();
      }
    }
  }

  /** The carried columns, unpacked from the longs named with the prefix. */
  private static List<Column> unpacked(List<List<PackedCode>> longs, String prefix) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < longs.size(); i++) {
      int shift = 0;
      for (PackedCode code : longs.get(i)) {
        Column number = shiftright(col(prefix + i), shift).bitwiseAND((1L << code.bits()) - 1);
        columns.add(code.decoded().apply(number).as(code.name()));
        shift += code.bits();
      }
    }
    return columns;
  }

  /**
   * A version's order number: its date as a {@link PackedCode}, its place, its source line. A
   * version whose date ingest would not accept, or whose period and file the period's submissions
   * do not list (a warehouse whose last ingest stopped between its tables), fails the job with a
   * message saying so, rather than being ordered wrongly or dropped.
   */
  private static Column order(PackedCode date) {
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
   * Every (period, source file) of an entity's versions up to the period, numbered in that order
   * (text by its UTF-8 bytes, as Spark orders it): the files the submissions table lists for the
   * dataset, a few dozen a month, collected to the driver. The clean tables hold rows of those
   * files only once an ingest has ended: it replaces a period's clean rows, then its submissions.
   *
   * @throws IllegalStateException when there are more than the order number has room for
   */
  static Dataset<Row> places(Warehouse warehouse, VersionedEntity entity, Period period) {
    String dataset = entity.dataset().tableName();
    List<Row> rows =
        new ArrayList<>(
            warehouse
                .read("submissions")
                .where(col(Tables.PERIOD).leq(lit(period.toString())))
                .where(col("dataset").equalTo(dataset))
                .select(Tables.PERIOD, "file")
                .distinct()
                .collectAsList());
    rows.sort(
        Comparator.comparing((Row row) -> utf8(row.getString(0)), Arrays::compareUnsigned)
            .thenComparing(row -> utf8(row.getString(1)), Arrays::compareUnsigned));
    if (rows.size() > 1 << PLACE_BITS) {
      throw new IllegalStateException(
          "the "
              + dataset
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

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
