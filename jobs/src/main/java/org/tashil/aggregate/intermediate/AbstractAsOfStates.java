package org.tashil.aggregate.intermediate;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Warehouse;

/**
 * What every {@link AsOfStates} shares: the warehouse the versions are read from, the registry
 * whose lists close the carried values, whether the picked version's source is kept, and each
 * entity's state as one pick of its versions, {@link #latest}. An implementation says only how it
 * picks.
 */
abstract sealed class AbstractAsOfStates implements AsOfStates
    permits PackedAsOfStates, ReferenceAsOfStates {

  final Warehouse warehouse;
  final Registry registry;
  final Source source;

  AbstractAsOfStates(Warehouse warehouse, Registry registry, Source source) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public final Dataset<Row> householdsAsOfPeriod(Period period) {
    return latest(VersionedEntity.HOUSEHOLDS, period);
  }

  @Override
  public final Dataset<Row> demandsAsOfPeriod(Period period) {
    return latest(VersionedEntity.DEMANDS, period);
  }

  /** The entity's latest version of each key as of the period, as {@link AsOfStates} defines it. */
  abstract Dataset<Row> latest(VersionedEntity entity, Period period);
}
