package org.tashil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tashil.spark.Spark;
import org.tashil.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tashil query "SQL"}: Spark SQL over every warehouse table, each a view named {@code
 * <layer>_<table>} ({@code clean_households}, {@code quarantine_demands}, {@code submissions}, …);
 * the result as CSV with a header line on stdout.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Run a Spark SQL query over the warehouse and print the result as CSV. Tables are views"
            + " named <layer>_<table>: clean_households, clean_demands, clean_activities,"
            + " quarantine_households, …, submissions, marts_settlement_month, …, runs. Only"
            + " queries run (SELECT, WITH, VALUES, SHOW, DESCRIBE, EXPLAIN): nothing is changed.")
public final class QueryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;

  @Parameters(paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM submissions\".")
  String sql;

  @Override
  public Integer call() throws Exception {
    sparkOptions.applyLogLevel();
    // A session of its own over the shared context: its views are this warehouse's tables only,
    // never those an earlier query in the same JVM made of another warehouse.
    SparkSession spark = Spark.session("tashil query", sparkOptions.master()).newSession();
    Warehouse warehouse = new Warehouse(spark, storage.warehouse());
    for (String[] table : warehouse.tables()) {
      warehouse.read(table[1]).createOrReplaceTempView(table[0]);
    }
    org.tashil.run.RunStore runs =
        new org.tashil.run.RunStore(
            storage.warehouse(), spark.sparkContext().hadoopConfiguration());
    if (!runs.list(null).isEmpty()) {
      spark.read().json(runs.folder()).createOrReplaceTempView("runs");
    }
    java.util.Set<String> views = new java.util.TreeSet<>();
    warehouse.tables().forEach(table -> views.add(table[0]));
    if (!runs.list(null).isEmpty()) {
      views.add("runs");
    }
    // Checked before it runs: Spark runs a command as it parses it.
    ReadOnlySql.check(spark, sql, views, storage.warehouse());
    Dataset<Row> result;
    try {
      result = spark.sql(sql);
    } catch (Exception e) {
      if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
        throw e;
      }
      List<String> tables = warehouse.tables().stream().map(table -> table[0]).toList();
      throw new UsageException(
          "the query does not run: "
              + e.getMessage().lines().findFirst().orElse("")
              + (tables.isEmpty()
                  ? " (the warehouse " + storage.warehouse() + " has no tables yet)"
                  : " (tables: " + String.join(", ", tables) + ")"));
    }
    print(asText(result));
    return Tashil.OK;
  }

  /** Lists and maps become JSON text, so that every cell of the CSV is one plain value. */
  private static Dataset<Row> asText(Dataset<Row> result) {
    StructType schema = result.schema();
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      Column column = functions.col("`" + field.name() + "`");
      boolean nested =
          field.dataType() instanceof ArrayType
              || field.dataType() instanceof MapType
              || field.dataType() instanceof StructType;
      columns.add((nested ? functions.to_json(column) : column.cast("string")).as(field.name()));
    }
    return result.select(columns.toArray(Column[]::new));
  }

  private void print(Dataset<Row> result) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String[] header = result.columns();
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
      java.util.Iterator<Row> rows = result.toLocalIterator();
      while (rows.hasNext()) {
        Row row = rows.next();
        Object[] values = new Object[header.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.isNullAt(i) ? "" : row.getString(i);
        }
        printer.printRecord(values);
      }
    }
    out.flush();
  }
}
