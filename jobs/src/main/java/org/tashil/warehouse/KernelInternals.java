package org.tashil.warehouse;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.types.DataTypeJsonSerDe;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * Every use Tashil makes of Delta Kernel's internal classes ({@code io.delta.kernel.internal.*}),
 * in one place: Kernel's public API reads a table and commits the files a write appends, but not a
 * scan file's partition values, the removal of a file, the re-adding of one (a restore) or a new
 * schema without column mapping. These may change in any Kernel release: {@code
 * TestKernelInternals} exercises each one against the Kernel of the build, and fails when another
 * class of Tashil uses them.
 */
final class KernelInternals {

  private KernelInternals() {}

  /** A scan file's partition values, by column ({@code InternalScanFileUtils}). */
  static Map<String, String> partitionValues(Row scanFile) {
    return InternalScanFileUtils.getPartitionValues(scanFile);
  }

  /** A scan file's absolute path, as Hadoop's file systems take it. */
  static String path(Row scanFile) {
    return InternalScanFileUtils.getAddFileStatus(scanFile).getPath();
  }

  /** A scan file's entry in the log, which its removal or re-adding copies. */
  static Row add(Row scanFile) {
    return scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
  }

  /** The action that removes the file {@code add} added, at {@code millis}. */
  static Row remove(Row add, long millis) {
    return SingleAction.createRemoveFileSingleAction(
        new AddFile(add).toRemoveFileRow(true, Optional.of(millis)));
  }

  /** The action that adds again the file {@code add} added, for a restore. */
  static Row addAgain(Row add) {
    AddFile file = new AddFile(add);
    return SingleAction.createAddFileSingleAction(
        AddFile.createAddFileRow(
            null,
            file.getPath(),
            file.getPartitionValues(),
            file.getSize(),
            file.getModificationTime(),
            true,
            Optional.empty(),
            file.getTags(),
            file.getBaseRowId(),
            file.getDefaultRowCommitVersion(),
            Optional.empty()));
  }

  /** The action that gives the table of {@code snapshot} the columns of {@code schema}. */
  static Row metadata(Snapshot snapshot, StructType schema) {
    return SingleAction.createMetadataSingleAction(
        snapshot.getMetadata().withNewSchema(schema(schema)).toRow());
  }

  /** Spark's schema as Kernel's. */
  static io.delta.kernel.types.StructType schema(StructType schema) {
    return DataTypeJsonSerDe.deserializeStructType(schema.json());
  }

  /** The table's schema, as Delta's JSON. */
  static String schemaJson(Snapshot snapshot) {
    return snapshot.getMetadata().getSchemaString();
  }

  /** The table features a reader of the table must support. */
  static Set<String> readerFeatures(Snapshot snapshot) {
    return snapshot.getProtocol().getReaderFeatures();
  }

  /** Rows as the iterator Kernel takes. */
  static <T> CloseableIterator<T> iterator(Iterator<T> rows) {
    return Utils.toCloseableIterator(rows);
  }
}
