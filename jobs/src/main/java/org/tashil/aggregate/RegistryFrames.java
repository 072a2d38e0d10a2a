package org.tashil.aggregate;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;

/** The registry as small DataFrames, broadcast to every join: every entity a mart must list. */
final class RegistryFrames {

  private final Dataset<Row> settlements;
  private final Dataset<Row> agencies;

  RegistryFrames(SparkSession spark, Registry registry) {
    List<Row> settlementRows = new ArrayList<>();
    for (Settlement s : registry.settlements()) {
      settlementRows.add(
          RowFactory.create(
              s.id(),
              s.nameFa(),
              s.nameEn(),
              s.countyFa(),
              s.countyEn(),
              s.cityFa(),
              s.officeId(),
              s.estHouseholds(),
              s.estPopulation(),
              s.hazard()));
    }
    // Small local tables: Spark broadcasts them in joins by their size, on whichever side.
    settlements =
        spark.createDataFrame(
            settlementRows,
            schema(
                "settlement_id",
                "name_fa",
                "name_en",
                "county_fa",
                "county_en",
                "city_fa",
                "office_id",
                "est_households:int",
                "est_population:int",
                "hazard"));
    List<Row> agencyRows = new ArrayList<>();
    for (Agency a : registry.agencies()) {
      agencyRows.add(RowFactory.create(a.id(), a.nameFa(), a.nameEn(), a.slaDays()));
    }
    agencies =
        spark.createDataFrame(
            agencyRows, schema("agency_id", "name_fa", "name_en", "sla_days:int"));
  }

  Dataset<Row> settlements() {
    return settlements;
  }

  Dataset<Row> agencies() {
    return agencies;
  }

  /** Columns named {@code name} (text) or {@code name:int}. */
  private static StructType schema(String... columns) {
    List<StructField> fields = new ArrayList<>();
    for (String column : columns) {
      boolean integer = column.endsWith(":int");
      String name = integer ? column.substring(0, column.length() - 4) : column;
      fields.add(DataTypes.createStructField(name, integer ? IntegerType : StringType, true));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }
}
