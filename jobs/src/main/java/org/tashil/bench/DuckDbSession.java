package org.tashil.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tashil.reference.Agency;
import org.tashil.reference.Registry;
import org.tashil.reference.Settlement;

/**
 * One in-memory DuckDB database, in this process through JDBC, using every core: the registry as
 * two small tables ({@code settlements}, {@code agencies}, with the columns Spark's registry frames
 * have) and warehouse tables as views over their Parquet files.
 */
public final class DuckDbSession implements AutoCloseable {

  private final Connection connection;

  private DuckDbSession(Connection connection) {
    this.connection = connection;
  }

  /** An empty in-memory database with as many threads as this machine has cores. */
  public static DuckDbSession open() {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      DuckDbSession session = new DuckDbSession(connection);
      session.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      return session;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open an in-memory DuckDB database: " + e, e);
    }
  }

  /** The registry's settlements and agencies, as the marts list them. */
  public void registerRegistry(Registry registry) {
    execute(
        "CREATE TEMP TABLE settlements (settlement_id VARCHAR PRIMARY KEY, name_fa VARCHAR,"
            + " name_en VARCHAR, county_fa VARCHAR, county_en VARCHAR, city_fa VARCHAR,"
            + " office_id VARCHAR, est_households INTEGER, est_population INTEGER,"
            + " hazard VARCHAR)");
    execute(
        "CREATE TEMP TABLE agencies (agency_id VARCHAR PRIMARY KEY, name_fa VARCHAR,"
            + " name_en VARCHAR, sla_days INTEGER)");
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO settlements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Settlement s : registry.settlements()) {
        insert.setString(1, s.id());
        insert.setString(2, s.nameFa());
        insert.setString(3, s.nameEn());
        insert.setString(4, s.countyFa());
        insert.setString(5, s.countyEn());
        insert.setString(6, s.cityFa());
        insert.setString(7, s.officeId());
        insert.setInt(8, s.estHouseholds());
        insert.setInt(9, s.estPopulation());
        insert.setString(10, s.hazard());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB: cannot load the settlements: " + e, e);
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO agencies VALUES (?, ?, ?, ?)")) {
      for (Agency a : registry.agencies()) {
        insert.setString(1, a.id());
        insert.setString(2, a.nameFa());
        insert.setString(3, a.nameEn());
        insert.setInt(4, a.slaDays());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB: cannot load the agencies: " + e, e);
    }
  }

  /**
   * A view {@code relation} with exactly {@code schema}'s columns over a table's Parquet files,
   * partition columns read from the folder names as text; an empty table of that schema when there
   * are no files.
   */
  public void registerParquet(String relation, List<String> files, StructType schema) {
    if (files.isEmpty()) {
      execute(
          "CREATE TEMP TABLE "
              + identifier(relation)
              + " ("
              + java.util.Arrays.stream(schema.fields())
                  .map(field -> identifier(field.name()) + " " + duckDbType(field.dataType()))
                  .collect(Collectors.joining(", "))
              + ")");
      return;
    }
    List<String> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(identifier(field.name()));
    }
    execute(
        "CREATE TEMP VIEW "
            + identifier(relation)
            + " AS SELECT "
            + String.join(", ", columns)
            + " FROM read_parquet(["
            + files.stream().map(DuckDbSession::literal).collect(Collectors.joining(", "))
            + "], hive_partitioning = true, hive_types_autocast = false, union_by_name = true)");
  }

  /** Runs statements that return no rows. */
  public void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB: " + e.getMessage() + "\nin: " + sql, e);
    }
  }

  /** Runs a query and reads every row it returns. */
  public MartTable query(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return MartTable.read(result);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB: " + e.getMessage() + "\nin: " + sql, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB: cannot close the database: " + e, e);
    }
  }

  /** The DuckDB type of a warehouse column's Spark type. */
  static String duckDbType(DataType type) {
    if (type instanceof StringType) {
      return "VARCHAR";
    } else if (type instanceof IntegerType) {
      return "INTEGER";
    } else if (type instanceof LongType) {
      return "BIGINT";
    } else if (type instanceof DoubleType) {
      return "DOUBLE";
    } else if (type instanceof BooleanType) {
      return "BOOLEAN";
    } else if (type instanceof DateType) {
      return "DATE";
    } else if (type instanceof ArrayType array) {
      return duckDbType(array.elementType()) + "[]";
    } else if (type instanceof MapType map) {
      return "MAP(" + duckDbType(map.keyType()) + ", " + duckDbType(map.valueType()) + ")";
    }
    throw new IllegalArgumentException("no DuckDB type for Spark's " + type.sql());
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
