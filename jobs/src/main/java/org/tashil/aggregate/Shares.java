package org.tashil.aggregate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** A share is a ratio of two counts; it has no value (null) where its denominator is zero. */
final class Shares {

  private Shares() {}

  static Column ratio(Column numerator, Column denominator) {
    return when(denominator.isNull().or(denominator.equalTo(0)), lit(null).cast("double"))
        .otherwise(numerator.cast("double").divide(denominator.cast("double")));
  }
}
