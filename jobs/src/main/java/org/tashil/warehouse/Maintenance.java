package org.tashil.warehouse;

import io.delta.kernel.Snapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Keeps the warehouse's tables from growing without end. A replaced period's files stay on the disk
 * after the commit that removes them, so that the earlier versions stay readable (Delta's time
 * travel, and a reader that started before the commit); a write that failed or was killed may leave
 * files that no version lists. For every table, maintenance removes the data files that no version
 * within the retention lists, and writes a checkpoint of the latest version, after which Kernel
 * lets the log files go that the table's log retention no longer needs. It reads and deletes files
 * and commits nothing; the caller holds the warehouse lock, so no write is under way.
 *
 * <p>One table's maintenance is one decision (which files the retention still needs) followed by
 * its deletions and checkpoint, with the report of each: kept together, at a little over 300 lines,
 * so that what is removed and why reads in one place.
 */
public final class Maintenance {

  /** The table's log folder, which maintenance leaves to Kernel. */
  private static final String LOG_FOLDER = "_delta_log";

  /** A commit or checkpoint file of the log, by its version. */
  private static final Pattern LOG_FILE =
      Pattern.compile("(\\d{20})\\.(json|checkpoint\\..*parquet|checkpoint\\..*json)");

  /**
   * What maintenance did to one table.
   *
   * @param oldestKept the oldest version whose files are all kept: the one current at the start of
   *     the retention (or the earliest one the log can still read)
   * @param checkpoint the version now checkpointed: the latest
   */
  public record Outcome(
      String table, int filesRemoved, long bytesFreed, long oldestKept, long checkpoint) {
    public Outcome {
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * A table that maintenance could not finish, and why. Maintenance stops before it removes any of
   * the table's files, unless removing one is what failed.
   */
  public record Failure(String table, String reason) {
    public Failure {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** What maintenance did to every table. */
  public record Report(List<Outcome> outcomes, List<Failure> failures) {
    public Report {
      outcomes = List.copyOf(outcomes);
      failures = List.copyOf(failures);
    }

    public int filesRemoved() {
      return outcomes.stream().mapToInt(Outcome::filesRemoved).sum();
    }

    public long bytesFreed() {
      return outcomes.stream().mapToLong(Outcome::bytesFreed).sum();
    }
  }

  private final String root;
  private final Configuration hadoop;
  private final DeltaLog log;
  private final CommitFiles commitFiles;
  private final Discovery discovery;
  private final Repair repair;

  /** The maintenance of the warehouse at {@code root}, a folder or a Hadoop URI. */
  public Maintenance(String root, Configuration hadoop) {
    this.root = Objects.requireNonNull(root, "root").replaceAll("/+$", "");
    this.hadoop = Objects.requireNonNull(hadoop, "hadoop");
    this.log = new DeltaLog(hadoop);
    this.commitFiles = new CommitFiles(hadoop);
    this.discovery = new Discovery(hadoop, this.root);
    this.repair =
        new Repair(
            this.root,
            discovery,
            new CommittedVersions(hadoop, this.root, System.err::println),
            commitFiles,
            new DeltaCommits(log, commitFiles));
  }

  /**
   * Maintains every table. The files kept are those of the latest version, of the version that was
   * current at {@code now - retention}, and those that any later commit added: every version since
   * then stays readable. Everything else under a table's folder that is a data file goes: files of
   * older versions only, files of failed or killed writes, and the staging folder. A table whose
   * log cannot be read, or whose kept files cannot all be told, is left as it was (a {@link
   * Failure}).
   */
  public Report run(Duration retention, Instant now) throws IOException {
    long cutoff = now.minus(retention).toEpochMilli();
    List<Outcome> outcomes = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    // A table a stopped run committed past the manifest is first brought back to it: the files
    // its readers read are then the latest version's, which are kept whatever the retention.
    Map<String, RuntimeException> unrepaired = new java.util.TreeMap<>();
    repair.run(unrepaired::put);
    for (String table : discovery.tables()) {
      if (unrepaired.containsKey(table)) {
        RuntimeException e = unrepaired.get(table);
        failures.add(new Failure(table, e.getMessage() != null ? e.getMessage() : e.toString()));
        continue;
      }
      try {
        maintain(table, cutoff).ifPresent(outcomes::add);
      } catch (IOException | RuntimeException e) {
        failures.add(new Failure(table, e.getMessage() != null ? e.getMessage() : e.toString()));
      }
    }
    return new Report(outcomes, failures);
  }

  /** Maintains one table; empty when it has no version yet (its creation was killed). */
  private Optional<Outcome> maintain(String table, long cutoff) throws IOException {
    String path = root + "/" + table;
    Optional<Snapshot> found = log.latest(path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // The checkpoint first: the log files it lets go are no longer readable versions, and the
    // kept files are then told from the log as it stays.
    log.checkpoint(found.get());
    Snapshot latest = log.latest(path).orElseThrow();
    Snapshot oldest = oldestKept(path, latest, cutoff);
    Set<String> latestFiles = log.files(latest);
    Set<String> kept = new HashSet<>(latestFiles);
    kept.addAll(log.files(oldest));
    for (long version = oldest.getVersion() + 1; version <= latest.getVersion(); version++) {
      long missing = version;
      kept.addAll(
          commitFiles
              .commitFile(path, version)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          path
                              + " has no commit file for version "
                              + missing
                              + "; nothing removed"))
              .added());
    }
    Removal removal = removeAllBut(path, kept, latestFiles, cutoff);
    return Optional.of(
        new Outcome(
            table, removal.files(), removal.bytes(), oldest.getVersion(), latest.getVersion()));
  }

  /**
   * The oldest version that stays readable: the one that was current at the cutoff, as Kernel's
   * time travel by timestamp finds it; the earliest readable one when the cutoff is before it was
   * committed. A cutoff after the latest commit gives the latest version.
   */
  private Snapshot oldestKept(String path, Snapshot latest, long cutoff) throws IOException {
    Snapshot earliest = log.at(path, earliestReadable(path, latest.getVersion()));
    if (cutoff < log.timestamp(earliest)) {
      return earliest;
    }
    return log.asOf(path, Math.min(cutoff, log.timestamp(latest)), latest);
  }

  /**
   * The earliest version the log can still rebuild: version 0 when every commit is there, else the
   * earliest checkpoint from which every later commit is there (Kernel's log cleanup removes the
   * files before one). A log with a gap elsewhere is refused: which versions it can read is not
   * clear.
   */
  private long earliestReadable(String path, long latest) throws IOException {
    Path folder = new Path(path, LOG_FOLDER);
    FileSystem fs = folder.getFileSystem(hadoop);
    TreeSet<Long> commits = new TreeSet<>();
    TreeSet<Long> checkpoints = new TreeSet<>();
    for (FileStatus file : fs.listStatus(folder)) {
      Matcher matcher = LOG_FILE.matcher(file.getPath().getName());
      if (matcher.matches()) {
        long version = Long.parseLong(matcher.group(1));
        (matcher.group(2).equals("json") ? commits : checkpoints).add(version);
      }
    }
    long unbroken = latest + 1;
    while (commits.contains(unbroken - 1)) {
      unbroken--;
    }
    long earliest;
    if (unbroken == 0) {
      earliest = 0;
    } else {
      Long checkpoint = checkpoints.ceiling(unbroken - 1);
      if (checkpoint == null || checkpoint > latest) {
        throw new IllegalStateException(
            path
                + " has no checkpoint before its commits "
                + unbroken
                + ".."
                + latest
                + "; nothing removed");
      }
      earliest = checkpoint;
    }
    Long before = commits.lower(earliest);
    Long checkpointBefore = checkpoints.lower(earliest);
    if (before != null || checkpointBefore != null) {
      throw new IllegalStateException(
          path
              + " has log files before version "
              + earliest
              + " with a gap after them; nothing removed");
    }
    return earliest;
  }

  /** How many data files were removed, and their bytes. */
  private record Removal(int files, long bytes) {}

  /**
   * Removes every data file under the table's folder (outside its log) that is not in {@code kept},
   * and what the staging folder holds, of those written before {@code cutoff}: as Delta's own
   * vacuum, a file no version lists is left while it is younger than the retention, for a write
   * that may still commit it (a run whose lock was taken over while it was paused). First checks
   * that the listing finds every file of the latest version: a path told apart from its file would
   * otherwise make that file look unlisted.
   */
  private Removal removeAllBut(String path, Set<String> kept, Set<String> latestFiles, long cutoff)
      throws IOException {
    Path table = new Path(path);
    FileSystem fs = table.getFileSystem(hadoop);
    List<FileStatus> dataFiles = new ArrayList<>();
    collectDataFiles(fs, table, dataFiles);
    Set<String> found = new HashSet<>();
    for (FileStatus file : dataFiles) {
      found.add(commitFiles.qualified(file.getPath()));
    }
    for (String file : latestFiles) {
      if (!found.contains(file)) {
        throw new IllegalStateException(
            path
                + ": the latest version lists "
                + file
                + ", which is not among the table's files; nothing removed");
      }
    }
    int files = 0;
    long bytes = 0;
    Path staging = new Path(table, PeriodReplacement.STAGING);
    if (fs.exists(staging)) {
      var leftovers = fs.listFiles(staging, true);
      while (leftovers.hasNext()) {
        FileStatus file = leftovers.next();
        if (file.getModificationTime() < cutoff && fs.delete(file.getPath(), false)) {
          if (!file.getPath().getName().startsWith(".")) {
            files++;
            bytes += file.getLen();
          }
        }
      }
      if (!fs.listFiles(staging, true).hasNext()) {
        fs.delete(staging, true);
      }
    }
    for (FileStatus file : dataFiles) {
      if (!kept.contains(commitFiles.qualified(file.getPath()))
          && file.getModificationTime() < cutoff
          && fs.delete(file.getPath(), false)) {
        files++;
        bytes += file.getLen();
      }
    }
    return new Removal(files, bytes);
  }

  /**
   * The Parquet files under a table's folder: in it and its partitions' folders, not in its log,
   * its staging folder or another folder whose name starts with {@code _} or {@code .} (Delta's
   * change data, for one, which the log lists apart).
   */
  private static void collectDataFiles(FileSystem fs, Path folder, List<FileStatus> files)
      throws IOException {
    for (FileStatus status : fs.listStatus(folder)) {
      String name = status.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (status.isDirectory()) {
        collectDataFiles(fs, status.getPath(), files);
      } else if (name.endsWith(".parquet")) {
        files.add(status);
      }
    }
  }
}
