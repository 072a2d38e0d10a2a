package org.tashil.aggregate.marts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tashil.calendar.Period;

/**
 * {@code province_category_month}: every demand category's new, resolved and open demands over the
 * province, the sums of {@code category_month}'s settlement rows. Added up on the driver from those
 * rows as written: a few hundred rows, not worth a Spark job.
 */
public final class ProvinceCategoryMonth {

  public static final String NAME = "province_category_month";

  public static final List<MartColumn> COLUMNS =
      MartColumns.concat(
          List.of(CategoryMonth.CATEGORY), CategoryMonth.FIGURES, List.of(MartColumns.PERIOD));

  private ProvinceCategoryMonth() {}

  /** The period's rows, one per category in {@link CategoryMonth#CATEGORIES}' order. */
  public static Dataset<Row> build(SparkSession spark, Period period, List<Row> categoryMonth) {
    Map<String, long[]> sums = new LinkedHashMap<>();
    CategoryMonth.CATEGORIES.forEach(category -> sums.put(category, new long[3]));
    List<MartColumn> figures = CategoryMonth.FIGURES;
    for (Row row : categoryMonth) {
      long[] sum = sums.get(row.<String>getAs(CategoryMonth.CATEGORY.name()));
      for (int i = 0; i < figures.size(); i++) {
        sum[i] += row.<Integer>getAs(figures.get(i).name());
      }
    }
    List<Row> rows = new ArrayList<>();
    sums.forEach(
        (category, sum) -> {
          List<Object> values = new ArrayList<>();
          values.add(category);
          for (long figure : sum) {
            values.add(Math.toIntExact(figure));
          }
          values.add(period.toString());
          rows.add(RowFactory.create(values.toArray()));
        });
    return spark.createDataFrame(rows, MartColumns.schema(COLUMNS));
  }
}
