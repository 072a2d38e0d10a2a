package org.tashil.ingest;

import java.util.Objects;

/**
 * What the first two passes learned of a dataset file that its rows are checked against: the entry,
 * its office in the registry's spelling, its bytes' scan, its header mapping, the keys that repeat,
 * and how many records the row pass must find for the file to be the one first read.
 */
record FileStructure(
    InboxFile file,
    String officeId,
    FileScan scan,
    HeaderMapping mapping,
    DuplicateKeys keys,
    int records) {

  FileStructure {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(officeId, "officeId");
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(keys, "keys");
    if (records < 0) {
      throw new IllegalArgumentException("records must not be negative: " + records);
    }
  }
}
