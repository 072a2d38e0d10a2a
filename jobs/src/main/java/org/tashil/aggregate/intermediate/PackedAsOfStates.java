package org.tashil.aggregate.intermediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.schema.Column;
import org.tashil.schema.ColumnType;
import org.tashil.warehouse.Warehouse;

/**
 * The as-of states computed as a hash aggregation over bit-packed numbers ({@link PackedPick})
 * instead of a sort of every version: an optimisation of {@link ReferenceAsOfStates}, which defines
 * the rows, held equal to it by {@code TestAsOfStates} over generated provinces. The aggregate job
 * uses this one.
 *
 * <p>Where the reference carries any value, the packing has limits it checks rather than picking
 * wrong: a carried number or date outside what ingest accepts fails the job ({@link PackedCode});
 * so does a version whose period and file the submissions table does not list, since a version's
 * place in the order is numbered from that table ({@link PackedPick#places}).
 */
public final class PackedAsOfStates extends AbstractAsOfStates {

  /**
   * The column of {@link #latestWithMonthBefore} that holds the carried columns of the state as of
   * the period before.
   */
  static final String MONTH_BEFORE = "as_of_month_before";

  public PackedAsOfStates(Warehouse warehouse, Registry registry, Source source) {
    super(warehouse, registry, source);
  }

  @Override
  Dataset<Row> latest(VersionedEntity entity, Period period) {
    return PackedPick.latest(
        entity.versions(warehouse, period),
        PackedPick.places(warehouse, entity, period),
        entity,
        codes(entity),
        source);
  }

  /**
   * The entity's state as of the period, as {@link #latest}, with in the column {@link
   * #MONTH_BEFORE} its carried columns as of the period before (a struct, null for a key with no
   * version then): both picked in one read and one aggregation of the versions. A month picked from
   * every version opens its balance with the demands as of the month before, which would otherwise
   * be a second pick over the same years of versions. {@link #asOfMonthBefore} makes the state
   * before of it.
   *
   * @param hold how to hold the aggregation in memory, its numbers still packed, when the rows are
   *     read more than once (null: not held); {@link PackedPick.Picked#release} frees it
   */
  PackedPick.Picked latestWithMonthBefore(
      VersionedEntity entity, Period period, StorageLevel hold) {
    return PackedPick.latest(
        entity.versions(warehouse, period),
        PackedPick.places(warehouse, entity, period),
        entity,
        codes(entity),
        source,
        period.minusMonths(1),
        MONTH_BEFORE,
        hold);
  }

  /**
   * The state as of the period before from rows of {@link #latestWithMonthBefore}: the rows {@link
   * #latest} gives for that period with the source dropped ({@link AsOfStates.Source#DROPPED}).
   */
  static Dataset<Row> asOfMonthBefore(Dataset<Row> picked, VersionedEntity entity) {
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    entity.key().forEach(name -> columns.add(functions.col(name)));
    entity
        .carried()
        .forEach(name -> columns.add(functions.col(MONTH_BEFORE + "." + name).as(name)));
    return picked
        .where(functions.col(MONTH_BEFORE).isNotNull())
        .select(columns.toArray(org.apache.spark.sql.Column[]::new));
  }

  /**
   * How each carried column travels through the pick, from its definition in the dataset's schema:
   * a value of a closed list as its position ({@link PackedCode#position}), a whole number as
   * itself ({@link PackedCode#whole}), a date as a day count ({@link PackedCode#days}).
   *
   * @throws IllegalArgumentException for a column of text without a closed list, which has no such
   *     number
   */
  private List<PackedCode> codes(VersionedEntity entity) {
    List<PackedCode> codes = new ArrayList<>();
    for (String name : entity.carried()) {
      Column column = entity.column(name);
      Optional<List<String>> values = entity.closedList(name, registry);
      if (values.isPresent()) {
        codes.add(PackedCode.position(name, values.get()));
      } else if (column.type() == ColumnType.INTEGER) {
        codes.add(PackedCode.whole(name, column.min(), column.max()));
      } else if (column.type() == ColumnType.DATE) {
        codes.add(PackedCode.days(name));
      } else {
        throw new IllegalArgumentException(name + " is text without a closed list of values");
      }
    }
    return codes;
  }
}
