package org.tashil.warehouse;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Brings every table back to the version the last manifest names ({@link CommittedVersions}): a
 * table a stopped group committed past it gets a commit that lists the manifest version's files
 * again (Delta's restore; no write deletes a committed file, so they are there), and a table it
 * created gets one that lists none. A writer repairs before its first write ({@link CommitGroups}),
 * and {@code maintain} before it removes files ({@link Maintenance}).
 */
final class Repair {

  /** Its lines in the log are the manifest's, as the tables it brings back are. */
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CommittedVersions.class);

  private final String root;
  private final Discovery discovery;
  private final CommittedVersions manifest;
  private final CommitFiles commitFiles;
  private final DeltaCommits commits;

  Repair(
      String root,
      Discovery discovery,
      CommittedVersions manifest,
      CommitFiles commitFiles,
      DeltaCommits commits) {
    this.root = root;
    this.discovery = discovery;
    this.manifest = manifest;
    this.commitFiles = commitFiles;
    this.commits = commits;
  }

  /**
   * Repairs every table, and returns the versions of every table, as the next manifest starts from
   * them. A warehouse that has no manifest yet gets one of its tables as they stand: from then on,
   * a group's writes are undone until the group ends. Stops at the first table it cannot bring
   * back.
   */
  Map<String, Long> run() {
    return run(
        (table, failure) -> {
          throw failure;
        });
  }

  /**
   * As {@link #run()}, going on past a table it cannot bring back: that one is given to {@code
   * failed} and stays as it is, its readers on the manifest's version.
   */
  Map<String, Long> run(BiConsumer<String, RuntimeException> failed) {
    Optional<Map<String, Long>> last = manifest.current();
    Map<String, Long> versions = new TreeMap<>();
    for (String table : discovery.tables()) {
      String path = root + "/" + table;
      Optional<Long> latest = commitFiles.lastCommit(path);
      if (latest.isEmpty()) {
        continue;
      }
      Long wanted = last.isEmpty() ? latest.get() : last.get().get(table);
      if (wanted != null && wanted.equals(latest.get())) {
        versions.put(table, wanted);
        continue;
      }
      if (wanted != null && wanted > latest.get()) {
        failed.accept(
            table,
            new IllegalStateException(
                table
                    + " is at version "
                    + latest.get()
                    + ", older than the version "
                    + wanted
                    + " the warehouse manifest names: its log was changed by hand or restored from a"
                    + " backup; restore "
                    + manifest.folder()
                    + " from the same backup"));
        versions.put(table, wanted);
        continue;
      }
      long restored;
      try {
        restored = commits.restore(path, wanted);
      } catch (RuntimeException e) {
        failed.accept(table, e);
        if (wanted != null) {
          versions.put(table, wanted);
        }
        continue;
      }
      if (restored >= 0) {
        LOG.warn(
            "{}: back to {} (a run stopped after committing version {}, before its other tables)",
            table,
            wanted == null ? "no rows" : "version " + wanted,
            latest.get());
      }
      if (wanted != null) {
        versions.put(table, restored < 0 ? latest.get() : restored);
      }
    }
    if (last.isEmpty() || !versions.equals(last.get())) {
      manifest.publish(versions, last.isEmpty() ? "the tables as found" : "repair");
    }
    return versions;
  }
}
