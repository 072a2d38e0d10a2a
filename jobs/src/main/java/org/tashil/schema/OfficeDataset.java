package org.tashil.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three datasets an office sends each month, each defined once by its {@link DatasetSchema}.
 */
public enum OfficeDataset {
  HOUSEHOLDS(Households.SCHEMA),
  DEMANDS(Demands.SCHEMA),
  ACTIVITIES(Activities.SCHEMA);

  private final DatasetSchema schema;

  OfficeDataset(DatasetSchema schema) {
    this.schema = schema;
  }

  public DatasetSchema schema() {
    return schema;
  }

  /** The lower-case name used in file names, table paths and the alias file: {@code households}. */
  public String tableName() {
    return schema.name();
  }

  /** The dataset a file name stands for ({@code Demands.xlsx} is demands), if any. */
  public static Optional<OfficeDataset> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return ofTableName(lower.substring(0, dot));
  }

  /** The dataset of a table name ({@code demands}), as the warehouse and alias file write it. */
  public static Optional<OfficeDataset> ofTableName(String name) {
    return Arrays.stream(values()).filter(dataset -> dataset.tableName().equals(name)).findFirst();
  }
}
