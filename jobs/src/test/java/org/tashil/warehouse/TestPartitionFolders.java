package org.tashil.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A file's partition values read from its folders are those its folders were named from: Spark
 * writes a value only into the folder's name, and the commit records it from there.
 */
class TestPartitionFolders {

  private static final List<String> COLUMNS = List.of("period", "office_id");

  @Test
  void valuesWithSlashesSpacesAndNullsComeBackFromTheirFolders() {
    Map<String, String> values = new HashMap<>();
    values.put("period", "1405-08");
    values.put("office_id", "OF 03/ب");
    String folders = PartitionFolders.folders(COLUMNS, values);
    assertThat(folders).isEqualTo("period=1405-08/office_id=OF 03%2Fب/");
    assertThat(PartitionFolders.values(folders + "part-00000.parquet", COLUMNS)).isEqualTo(values);

    values.put("office_id", null);
    String empty = PartitionFolders.folders(COLUMNS, values);
    assertThat(empty).isEqualTo("period=1405-08/office_id=__HIVE_DEFAULT_PARTITION__/");
    assertThat(PartitionFolders.values(empty + "part-00000.parquet", COLUMNS)).isEqualTo(values);
  }

  @Test
  void aFileOutsideTheFoldersOfItsColumnsIsRefused() {
    assertThatThrownBy(() -> PartitionFolders.values("period=1405-08/part-00000.parquet", COLUMNS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("period=1405-08/part-00000.parquet is not in a folder of [period, office_id]");
  }

  @Test
  void aPartitionColumnOtherThanTextOrAnIntegerIsRefused() {
    StructType schema =
        new StructType()
            .add("period", DataTypes.StringType)
            .add("members", DataTypes.IntegerType)
            .add("first_seen_on", DataTypes.DateType);
    PartitionFolders.requireTypes(schema, List.of("period", "members"));
    assertThatThrownBy(() -> PartitionFolders.requireTypes(schema, List.of("first_seen_on")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partition column first_seen_on is date, not text or an integer");
  }
}
