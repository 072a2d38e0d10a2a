package org.tashil.aggregate.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.tashil.aggregate.IndicatorWarehouse;
import org.tashil.warehouse.Warehouse;

class TestMartColumns {

  /** Where the generated reference lives; {@code -Dtashil.regenerate=true} rewrites its block. */
  private static final Path DOC = Path.of("../docs/indicators.md");

  @Test
  void everyMartIsWrittenWithItsDeclaredColumnsInOrder() {
    Warehouse warehouse = IndicatorWarehouse.warehouse();
    for (Mart mart : Mart.values()) {
      List<String> written =
          Arrays.stream(warehouse.read(mart.table()).schema().fields())
              .map(field -> field.name() + " " + field.dataType().simpleString())
              .toList();
      List<String> declared =
          mart.columns().stream()
              .map(column -> column.name() + " " + column.type().simpleString())
              .toList();
      assertThat(written).as(mart.table()).containsExactlyElementsOf(declared);
    }
  }

  @Test
  void theDocsReferenceIsTheOneTheDeclaredColumnsGenerate() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String generated = MartReference.regenerated(doc);
    if (Boolean.getBoolean("tashil.regenerate")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
      doc = generated;
    }
    assertThat(doc)
        .as(
            "docs/indicators.md's mart columns differ from the declared ones; regenerate them with"
                + " mvn -o -pl jobs surefire:test -Dtest=TestMartColumns -Dtashil.regenerate=true")
        .isEqualTo(generated);
  }

  @Test
  void aColumnNamedTwiceInAMartIsRefused() {
    MartColumn households = IndicatorColumns.HOUSEHOLDS;
    assertThatThrownBy(() -> MartColumns.concat(List.of(households), List.of(households)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the column households is listed twice");
  }

  @Test
  void aColumnsNameIsLowerSnakeCase() {
    assertThatThrownBy(() -> new MartColumn("Households", DataTypes.IntegerType, "households"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a mart column is named in lower_snake_case: Households");
  }

  @Test
  void theDeclaredSchemaIsNullableAsDeltaStoresIt() {
    for (StructField field : MartColumns.schema(SettlementMonth.COLUMNS).fields()) {
      assertThat(field.nullable()).as(field.name()).isTrue();
    }
  }
}
