package org.tashil.aggregate.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tashil.calendar.Period;
import org.tashil.reference.Registry;
import org.tashil.warehouse.Tables;
import org.tashil.warehouse.Warehouse;

/**
 * The as-of states as {@link AsOfStates} defines them, stated plainly: number each entity's
 * versions newest first by (date, period, source file, source line) and keep the first. This is the
 * definition to read; {@link PackedAsOfStates} computes the same rows faster.
 */
public final class ReferenceAsOfStates extends AbstractAsOfStates {

  private static final String NEWEST_FIRST = "newest_first";

  public ReferenceAsOfStates(Warehouse warehouse, Registry registry, Source source) {
    super(warehouse, registry, source);
  }

  @Override
  Dataset<Row> latest(VersionedEntity entity, Period period) {
    WindowSpec newestFirst =
        Window.partitionBy(entity.key().stream().map(name -> col(name)).toArray(Column[]::new))
            .orderBy(entity.newestFirst(Tables.PERIOD).toArray(Column[]::new));
    return entity
        .versions(warehouse, period)
        .withColumn(NEWEST_FIRST, row_number().over(newestFirst))
        .where(col(NEWEST_FIRST).equalTo(1))
        .select(columns(entity).toArray(Column[]::new));
  }

  /** The result's columns: the key, the version's source when kept, then the carried columns. */
  private List<Column> columns(VersionedEntity entity) {
    List<Column> columns = new ArrayList<>();
    entity.key().forEach(name -> columns.add(col(name)));
    if (source == Source.KEPT) {
      columns.add(col(entity.dateColumn()));
      columns.add(col(Tables.PERIOD));
      columns.add(col("source_file"));
      columns.add(col("source_line"));
    }
    entity.carried().forEach(name -> columns.add(entity.carriedValue(name, registry)));
    return columns;
  }
}
