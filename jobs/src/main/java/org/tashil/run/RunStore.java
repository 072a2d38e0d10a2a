package org.tashil.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.spark.DurableFile;

/**
 * {@code <warehouse>/runs/}: one JSON file per run (a single line, so {@code tashil query} reads
 * the folder as the {@code runs} table), named so that names sort by start time. Read and written
 * without Spark, so that a run with nothing to do never starts it. Each file is written under a
 * hidden name, forced to the disk and renamed: a reader never sees half a record, and one it cannot
 * read anyway is skipped with a warning.
 */
public final class RunStore {

  static final String FOLDER = "runs";

  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Path folder;
  private final Configuration hadoop;
  private final Consumer<String> warnings;

  /** A store whose warnings (a record it cannot read) go to stderr. */
  public RunStore(String warehouse, Configuration hadoop) {
    this(warehouse, hadoop, System.err::println);
  }

  public RunStore(String warehouse, Configuration hadoop, Consumer<String> warnings) {
    this.folder = new Path(warehouse.replaceAll("/+$", "") + "/" + FOLDER);
    this.hadoop = hadoop;
    this.warnings = warnings;
  }

  public String folder() {
    return folder.toString();
  }

  /**
   * Appends a record: written under a hidden name, forced to the disk, then renamed, so that a
   * power cut leaves the record whole or absent, never an empty file under its name.
   */
  public void append(RunRecord record) throws IOException {
    byte[] bytes = (toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
    DurableFile.publish(folder.getFileSystem(hadoop), folder, fileName(record), bytes);
  }

  /** Every record, oldest first; of one period when {@code period} is not null. */
  public List<RunRecord> list(String period) throws IOException {
    FileSystem fs = folder.getFileSystem(hadoop);
    if (!fs.isDirectory(folder)) {
      return List.of();
    }
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus status : fs.listStatus(folder)) {
      String name = status.getPath().getName();
      if (status.isFile()
          && name.endsWith(".json")
          && !name.startsWith(".")
          && (period == null || name.contains("_" + period + "_"))) {
        files.add(status);
      }
    }
    files.sort(Comparator.comparing(status -> status.getPath().getName()));
    List<RunRecord> records = new ArrayList<>();
    for (FileStatus file : files) {
      try (InputStream in = fs.open(file.getPath())) {
        records.add(JSON.readValue(in, RunRecord.class));
      } catch (IOException e) {
        // One damaged record (a power cut before it reached the disk, a hand edit) must not stop
        // every later run and status: it is skipped, and said so.
        warnings.accept(
            "tashil: skipped the unreadable run record "
                + file.getPath()
                + " ("
                + (file.getLen() == 0 ? "empty" : e.getClass().getSimpleName())
                + ")");
      }
    }
    return records;
  }

  /** The last successful {@code tashil run} of the period, if any. */
  public Optional<RunRecord> lastSuccessfulRun(String period) throws IOException {
    RunRecord last = null;
    for (RunRecord record : list(period)) {
      if (record.succeeded() && "run".equals(record.command())) {
        last = record;
      }
    }
    return Optional.ofNullable(last);
  }

  /** The revision the period's next reports carry: one more than the reports rendered so far. */
  public int nextRevision(String period) throws IOException {
    int revision = 0;
    for (RunRecord record : list(period)) {
      if (record.rendered()) {
        revision = Math.max(revision, record.revision());
      }
    }
    return revision + 1;
  }

  static String fileName(RunRecord record) {
    return record.id() + "_" + record.period() + "_" + record.command() + ".json";
  }

  static String toJson(RunRecord record) throws IOException {
    return new String(JSON.writeValueAsBytes(record), StandardCharsets.UTF_8);
  }
}
