package org.tashil.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.data.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;

/**
 * What Tashil takes from Delta Kernel's internal classes ({@link KernelInternals}) still does what
 * it needs with the Kernel of the build, and no other class of Tashil uses them: a Kernel upgrade
 * that changes one fails here, by name, before it fails a run.
 */
class TestKernelInternals {

  private static final Path MAIN = Path.of("src/main/java");

  private final SparkSession spark = SparkTests.session();

  @Test
  void onlyKernelInternalsUsesKernelsInternalClasses() throws IOException {
    try (Stream<Path> sources = Files.walk(MAIN)) {
      for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
        if (source.getFileName().toString().equals("KernelInternals.java")) {
          continue;
        }
        String text = Files.readString(source);
        assertThat(text)
            .as(source.toString())
            .doesNotContain("io.delta.kernel.internal")
            .doesNotContain(".getMetadata()")
            .doesNotContain(".getProtocol()");
      }
    }
  }

  @Test
  void eachInternalDoesWhatTashilNeeds(@TempDir Path root) {
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.replacePeriod(
        "clean/t",
        Period.parse("1405-07"),
        spark.sql("SELECT 'رضا' AS name, 'OF 03/ب' AS office_id, '1405-07' AS period"),
        Tables.OFFICE_ID);
    DeltaLog log = new DeltaLog(spark.sparkContext().hadoopConfiguration());
    DeltaLog.State state = log.state(warehouse.path("clean/t"), null).orElseThrow();

    // A scan file: its path (absolute, in its partitions' folders) and its partition values.
    assertThat(state.files()).hasSize(1);
    DeltaLog.DataFile file = state.files().get(0);
    assertThat(file.path()).startsWith("file:" + root).contains("/period=1405-07/");
    assertThat(Path.of(new org.apache.hadoop.fs.Path(file.path()).toUri().getPath())).exists();
    Row add = file.add();
    assertThat(add.getString(add.getSchema().indexOf("path"))).endsWith(".parquet");

    // The removal and the re-adding of that file: the actions name it, with a data change.
    Row remove = KernelInternals.remove(add, 1_000L);
    Row removed = remove.getStruct(remove.getSchema().indexOf("remove"));
    assertThat(removed.getString(removed.getSchema().indexOf("path")))
        .isEqualTo(add.getString(add.getSchema().indexOf("path")));
    assertThat(removed.getLong(removed.getSchema().indexOf("deletionTimestamp"))).isEqualTo(1_000L);
    Row again = KernelInternals.addAgain(add);
    Row added = again.getStruct(again.getSchema().indexOf("add"));
    assertThat(added.getString(added.getSchema().indexOf("path")))
        .isEqualTo(add.getString(add.getSchema().indexOf("path")));
    assertThat(added.getBoolean(added.getSchema().indexOf("dataChange"))).isTrue();

    // A new schema: the metadata action carries it; Spark's schema round-trips through Kernel's.
    StructType wider = state.schema().add("note", DataTypes.StringType);
    Row metadata = KernelInternals.metadata(state.snapshot(), wider);
    Row carried = metadata.getStruct(metadata.getSchema().indexOf("metaData"));
    assertThat(
            org.apache.spark.sql.types.DataType.fromJson(
                carried.getString(carried.getSchema().indexOf("schemaString"))))
        .isEqualTo(wider);
    assertThat(KernelInternals.schema(wider).fieldNames())
        .containsExactly("name", "office_id", "period", "note");
    assertThat(
            org.apache.spark.sql.types.DataType.fromJson(
                KernelInternals.schemaJson(state.snapshot())))
        .isEqualTo(state.schema());
    assertThat(KernelInternals.readerFeatures(state.snapshot())).isEmpty();
    assertThat(KernelInternals.partitionValues(scanFile(log, warehouse)))
        .isEqualTo(Map.of("period", "1405-07", "office_id", "OF 03/ب"));
    List<Integer> counted = new java.util.ArrayList<>();
    KernelInternals.iterator(List.of(1, 2, 3).iterator()).forEachRemaining(counted::add);
    assertThat(counted).containsExactly(1, 2, 3);
  }

  /** The table's one scan file, as Kernel's scan gives it. */
  private Row scanFile(DeltaLog log, Warehouse warehouse) {
    var snapshot = log.latest(warehouse.path("clean/t")).orElseThrow();
    var engine =
        io.delta.kernel.defaults.engine.DefaultEngine.create(
            spark.sparkContext().hadoopConfiguration());
    try (var batches = snapshot.getScanBuilder().build().getScanFiles(engine)) {
      try (var rows = batches.next().getRows()) {
        return rows.next();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
