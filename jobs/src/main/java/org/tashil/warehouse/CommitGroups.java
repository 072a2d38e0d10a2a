package org.tashil.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Groups of commits, and the version of each table that Tashil's readers read. A stage's writes
 * ({@code ingest 1405-08}) are one group: each table is its own atomic commit, and only when all
 * are committed does the group publish the next manifest ({@link CommittedVersions}), which makes
 * them visible together. Readers read each table at the version the manifest names, except the
 * group's own threads, which see the group's commits as soon as they are made.
 */
final class CommitGroups {

  private final String root;
  private final CommittedVersions manifest;
  private final Repair repair;
  private final CommitFiles commitFiles;

  /**
   * The tables the open group has written, with their new versions, as the threads of that group
   * see it: the thread that opened it and the threads it starts ({@link Parallel}); null for any
   * other thread, whose writes and reads are outside the group.
   */
  private final InheritableThreadLocal<Map<String, Long>> writing = new InheritableThreadLocal<>();

  CommitGroups(String root, CommittedVersions manifest, Repair repair, CommitFiles commitFiles) {
    this.root = root;
    this.manifest = manifest;
    this.repair = repair;
    this.commitFiles = commitFiles;
  }

  /**
   * Runs the writes as one group: first brings back to the last manifest every table that a group
   * killed before its end left ahead of it ({@link Repair}); then runs the writes; then publishes
   * the next manifest. One group at a time.
   */
  synchronized <T> T run(String name, Warehouse.Writes<T> writes) throws IOException {
    if (writing.get() != null) {
      throw new IllegalStateException("a group of writes is already open: " + name);
    }
    Map<String, Long> start = repair.run();
    Map<String, Long> written = new ConcurrentHashMap<>();
    writing.set(written);
    try {
      T result = writes.run();
      Map<String, Long> versions = new TreeMap<>(start);
      versions.putAll(written);
      manifest.publish(versions, name);
      return result;
    } finally {
      writing.remove();
    }
  }

  /**
   * Runs a table's write in the group of this thread or, outside one, as a group of its own named
   * {@code name} (one at a time: writes outside a group may come from several threads). The write
   * puts the table's new version into the group's map it is given.
   */
  void commit(String name, Consumer<Map<String, Long>> write) {
    Map<String, Long> open = writing.get();
    if (open != null) {
      write.accept(open);
      return;
    }
    try {
      run(
          name,
          () -> {
            write.accept(writing.get());
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether Tashil's readers see the table: written by the open group, or named by the manifest, or
   * committed at all when the warehouse has no manifest yet.
   */
  boolean visible(String table) {
    Map<String, Long> open = writing.get();
    if (open != null && open.containsKey(table)) {
      return true;
    }
    Optional<Map<String, Long>> versions = manifest.current();
    return versions.isPresent()
        ? versions.get().containsKey(table)
        : commitFiles.lastCommit(root + "/" + table).isPresent();
  }

  /**
   * The version of a visible table that readers read: the open group's own commit, else the
   * manifest's; null for the latest, when the warehouse has no manifest yet.
   */
  Long readVersion(String table) {
    Map<String, Long> open = writing.get();
    if (open != null && open.containsKey(table)) {
      return open.get(table);
    }
    return manifest.current().map(versions -> versions.get(table)).orElse(null);
  }
}
