package org.tashil.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;

/**
 * What a Parquet file's footer says of a column, without reading its rows: for a column a write
 * gives one value in every row (a state's basis), that value, from the statistics of each row
 * group.
 */
final class ParquetFooters {

  /** What the footer gives of a column: one value in every row, no rows, or neither. */
  sealed interface Constant {}

  /** Every row of the file holds this value. */
  record One(String value) implements Constant {}

  /** The file holds no rows. */
  record NoRows() implements Constant {}

  /** The statistics do not show one value: none kept, a null, or a minimum and maximum apart. */
  record Unknown() implements Constant {}

  private final Configuration hadoop;

  /**
   * The reading options, made once: options made for each file would each load Hadoop's default
   * configuration again, which costs more than the footer.
   */
  private final ParquetReadOptions options;

  ParquetFooters(Configuration hadoop) {
    this.hadoop = hadoop;
    this.options = HadoopReadOptions.builder(hadoop).build();
  }

  /** The file's footer: its row groups and their columns' statistics. */
  ParquetMetadata footer(String file) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), hadoop), options)) {
      return reader.getFooter();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footer of " + file, e);
    }
  }

  /** The text column's one value in the file, from its row groups' statistics. */
  static Constant constant(ParquetMetadata footer, String column) {
    String value = null;
    for (BlockMetaData block : footer.getBlocks()) {
      if (block.getRowCount() == 0) {
        continue;
      }
      String inBlock = constant(block, column);
      if (inBlock == null || (value != null && !value.equals(inBlock))) {
        return new Unknown();
      }
      value = inBlock;
    }
    return value == null ? new NoRows() : new One(value);
  }

  /** The row group's one value of the column, or null when its statistics do not show one. */
  private static String constant(BlockMetaData block, String column) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (!chunk.getPath().toDotString().equals(column)) {
        continue;
      }
      Statistics<?> statistics = chunk.getStatistics();
      if (statistics == null
          || statistics.isEmpty()
          || !statistics.hasNonNullValue()
          || statistics.getNumNulls() != 0
          || !(statistics.genericGetMin() instanceof Binary min)
          || !(statistics.genericGetMax() instanceof Binary max)
          || !min.equals(max)) {
        return null;
      }
      return min.toStringUsingUTF8();
    }
    return null;
  }
}
