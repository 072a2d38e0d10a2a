package org.tashil.aggregate.marts;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;

/**
 * The registry as small DataFrames, broadcast to every join: every entity a mart must list, with
 * the columns its marts carry ({@link SettlementMonth#REGISTRY}, {@link AgencyMonth#REGISTRY}).
 */
public final class RegistryFrames {

  private final Dataset<Row> settlements;
  private final Dataset<Row> agencies;

  public RegistryFrames(SparkSession spark, Registry registry) {
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
        spark.createDataFrame(settlementRows, MartColumns.schema(SettlementMonth.REGISTRY));
    List<Row> agencyRows = new ArrayList<>();
    for (Agency a : registry.agencies()) {
      agencyRows.add(RowFactory.create(a.id(), a.nameFa(), a.nameEn(), a.slaDays()));
    }
    agencies = spark.createDataFrame(agencyRows, MartColumns.schema(AgencyMonth.REGISTRY));
  }

  /** Every settlement of the registry, with {@link SettlementMonth#REGISTRY}'s columns. */
  public Dataset<Row> settlements() {
    return settlements;
  }

  /** Every agency of the registry, with {@link AgencyMonth#REGISTRY}'s columns. */
  public Dataset<Row> agencies() {
    return agencies;
  }
}
