package org.tashil.aggregate.intermediate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tashil.aggregate.HouseholdIndicators;
import org.tashil.calendar.Period;

/**
 * The intermediate layer: the state of households and demands at the end of a period, from every
 * version received up to it, so that re-aggregating an old period gives its numbers as they stood.
 *
 * <p>The contract every implementation keeps, for an entity of {@link VersionedEntity}:
 *
 * <ul>
 *   <li><b>Which versions.</b> The rows of the entity's clean table of every period up to and
 *       including the period, whose date is on or before the period's last day. A version with no
 *       date is never picked.
 *   <li><b>Which one.</b> For each key, the version with the greatest (date, period, source file,
 *       source line), each compared in turn: the latest date wins; on the same date, the later
 *       period (a correction, or a late file sent with a later period); then the later source file,
 *       text compared by its UTF-8 bytes; then the later line of that file. Two versions never tie
 *       on all four, so exactly one row per key.
 *   <li><b>Which columns, in this order.</b> The key; when the source is {@link Source#KEPT}, the
 *       version's date, {@code period}, {@code source_file} and {@code source_line}; then the
 *       entity's carried columns, each of its clean table's type. A carried value of a closed list
 *       (an enumeration's values, the registry's settlement or agency ids) that is not in that list
 *       is null: a settlement since dropped from the registry, which the registry joins that follow
 *       would drop.
 * </ul>
 *
 * <p>{@link ReferenceAsOfStates} states this with a window function and is the definition; {@link
 * PackedAsOfStates} computes the same rows faster, and is what the aggregate job uses.
 */
public interface AsOfStates {

  /** Whether a picked version keeps its date, period, source file and line. */
  enum Source {
    /** Kept: what tests compare against another engine. */
    KEPT,
    /**
     * Dropped: the key and the carried columns, what the indicators read (the columns the marts are
     * given the states in); the packed pick then saves a join restoring the source.
     */
    DROPPED
  }

  /**
   * The household basis (contract §5.1): each household's latest survey, by settlement and
   * household code ({@link VersionedEntity#HOUSEHOLDS}).
   */
  Dataset<Row> householdsAsOfPeriod(Period period);

  /**
   * The demand states (contract §5.4): each demand's latest version, by office and demand id
   * ({@link VersionedEntity#DEMANDS}).
   */
  Dataset<Row> demandsAsOfPeriod(Period period);

  /**
   * The household basis with, after its columns, each household's flags ({@link
   * HouseholdIndicators#withFlags}): the flags of the survey picked.
   */
  default Dataset<Row> flaggedHouseholdsAsOfPeriod(Period period) {
    return HouseholdIndicators.withFlags(householdsAsOfPeriod(period));
  }
}
