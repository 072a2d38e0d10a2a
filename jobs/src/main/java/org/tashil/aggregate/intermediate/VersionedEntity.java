package org.tashil.aggregate.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;
import org.tashil.schema.Column;
import org.tashil.schema.ColumnType;
import org.tashil.schema.OfficeDataset;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * One kind of entity the as-of states pick a version of: the dataset whose clean table holds its
 * versions, the key that names one entity across periods, the date that orders its versions, and
 * the columns a picked version carries. Every {@link AsOfStates} takes these from here, so each
 * implementation picks from the same versions and returns the same columns.
 *
 * @param dataset the dataset whose clean table holds the versions
 * @param dateColumn the date a version stands from, which orders the versions first
 * @param key the columns naming one entity across periods
 * @param carried the columns a picked version carries, in their order in the result
 */
record VersionedEntity(
    OfficeDataset dataset, String dateColumn, List<String> key, List<String> carried) {

  /**
   * A household, by settlement and household code; ordered by surveyed_on; carrying every column of
   * its survey but the survey's own id (free text, which no indicator reads).
   */
  static final VersionedEntity HOUSEHOLDS =
      new VersionedEntity(
          OfficeDataset.HOUSEHOLDS,
          "surveyed_on",
          List.of("settlement_id", "household_code"),
          everyValueColumn(
              OfficeDataset.HOUSEHOLDS, "surveyed_on", "settlement_id", "household_code"));

  /**
   * A demand, by office and demand id; ordered by updated_on; carrying the columns the indicators
   * and the list of open demands read.
   */
  static final VersionedEntity DEMANDS =
      new VersionedEntity(
          OfficeDataset.DEMANDS,
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
              "households_affected"));

  VersionedEntity {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(dateColumn, "dateColumn");
    key = List.copyOf(key);
    carried = List.copyOf(carried);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("an entity needs a key");
    }
    List<String> named = new ArrayList<>(key);
    named.add(dateColumn);
    named.addAll(carried);
    List<String> clean = List.of(Tables.clean(dataset).fieldNames());
    for (String name : named) {
      if (!clean.contains(name)) {
        throw new IllegalArgumentException(
            name + " is not a column of clean/" + dataset.tableName());
      }
      if (named.indexOf(name) != named.lastIndexOf(name)) {
        throw new IllegalArgumentException(name + " is named twice");
      }
    }
    if (dataset.schema().column(dateColumn).map(Column::type).orElse(null) != ColumnType.DATE) {
      throw new IllegalArgumentException(dateColumn + " is not a date");
    }
  }

  /** The clean table the versions are in. */
  String table() {
    return "clean/" + dataset.tableName();
  }

  /**
   * The versions the period's state is picked from: the clean rows of every period up to it, dated
   * on or before its last day.
   */
  Dataset<Row> versions(Warehouse warehouse, Period period) {
    return warehouse
        .read(table())
        .where(col(Tables.PERIOD).leq(lit(period.toString())))
        .where(col(dateColumn).leq(lit(period.lastDay())));
  }

  /**
   * The order that picks a version, greatest first (see {@link AsOfStates}): date, the period the
   * version was sent with (named {@code periodColumn} where it is read), source file, source line.
   */
  List<org.apache.spark.sql.Column> newestFirst(String periodColumn) {
    return List.of(
        col(dateColumn).desc(),
        col(periodColumn).desc(),
        col("source_file").desc(),
        col("source_line").desc());
  }

  /**
   * A carried column as a picked version carries it: a value of a closed list that is not in the
   * list is null.
   */
  org.apache.spark.sql.Column carriedValue(String name, Registry registry) {
    Optional<List<String>> values = closedList(name, registry);
    return values.isPresent()
        ? when(col(name).isin(values.get().toArray()), col(name)).as(name)
        : col(name);
  }

  /** A carried column's definition in the dataset's schema. */
  Column column(String name) {
    return dataset
        .schema()
        .column(name)
        .orElseThrow(() -> new IllegalArgumentException(name + " is not a column"));
  }

  /**
   * The closed list of values a carried column takes, when it has one: an enumeration's values, or
   * the registry's settlement or agency ids for a column looked up there.
   */
  Optional<List<String>> closedList(String name, Registry registry) {
    Column column = column(name);
    return switch (column.lookup()) {
      case SETTLEMENT -> Optional.of(registry.settlements().stream().map(Settlement::id).toList());
      case AGENCY -> Optional.of(registry.agencies().stream().map(Agency::id).toList());
      case NONE ->
          column.type() == ColumnType.ENUM ? Optional.of(column.values()) : Optional.empty();
    };
  }

  /** Every column of the dataset but its free text and the {@code left} out, in schema order. */
  private static List<String> everyValueColumn(OfficeDataset dataset, String... left) {
    List<String> columns = new ArrayList<>();
    for (Column column : dataset.schema().columns()) {
      boolean freeText = column.type() == ColumnType.TEXT && column.lookup() == Column.Lookup.NONE;
      if (!freeText && !List.of(left).contains(column.name())) {
        columns.add(column.name());
      }
    }
    return columns;
  }
}
