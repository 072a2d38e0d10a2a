package org.tashil.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.tashil.schema.Dataset;

/**
 * A file found in an office's folder of the inbox.
 *
 * @param uri where the file is, on whatever file system the inbox lives
 * @param path the file's path inside the inbox, {@code 1405-08/OF-01/demands.csv}
 * @param dataset the dataset its name stands for, null for any other name
 * @param sameDataset every file of the office for the same dataset (more than one is an error)
 */
public record InboxFile(
    String officeId, String uri, String path, Dataset dataset, List<String> sameDataset, long size)
    implements Serializable {

  public InboxFile {
    Objects.requireNonNull(officeId, "officeId");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(path, "path");
    sameDataset = List.copyOf(sameDataset);
  }

  /** Checks the file's bytes: the one place that decides which kind of outcome a file gets. */
  public FileOutcome check(FileChecker checker, byte[] bytes) {
    try {
      return checkOrThrow(checker, bytes);
    } catch (RuntimeException e) {
      // A file that breaks the checker itself is rejected whole; the other files still go in.
      return checker.broken(officeId, dataset, path, bytes, e);
    }
  }

  private FileOutcome checkOrThrow(FileChecker checker, byte[] bytes) {
    if (dataset == null) {
      return checker.unknownFile(officeId, path, bytes);
    }
    if (sameDataset.size() > 1) {
      return checker.oneOfSeveral(officeId, dataset, path, bytes, sameDataset);
    }
    return checker.check(officeId, dataset, path, bytes);
  }
}
