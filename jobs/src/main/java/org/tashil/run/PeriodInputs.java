package org.tashil.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.tashil.calendar.Period;
import org.tashil.ingest.FileChecker;
import org.tashil.ingest.Inbox;
import org.tashil.ingest.InboxFile;

/**
 * What a period's run depends on: the inbox files of the period (by checksum), the reference
 * registry (by checksum), the program (version and build) and the settings that change the output.
 * Its fingerprint is what {@code tashil run} compares with the last successful run of the period;
 * computed without Spark.
 */
public record PeriodInputs(
    String period,
    List<RunRecord.Input> files,
    Map<String, String> reference,
    Map<String, String> program,
    Map<String, String> settings) {

  /**
   * Reads the period's inbox and the registry folder. Only dataset files no larger than {@code
   * maxFileSize} are read, each as a stream for its checksum; every other entry counts by its kind
   * and size, and a file that cannot be read by the system's reason, so that a file made readable
   * again is a change.
   *
   * @throws FileNotFoundException when the inbox has no folder for the period yet
   */
  public static PeriodInputs read(
      String inbox,
      Period period,
      java.nio.file.Path reference,
      Map<String, String> settings,
      long maxFileSize,
      Configuration hadoop)
      throws IOException {
    List<RunRecord.Input> files = new ArrayList<>();
    for (InboxFile file : Inbox.list(inbox, period, hadoop)) {
      files.add(
          new RunRecord.Input(
              file.officeId(),
              file.dataset() == null ? null : file.dataset().tableName(),
              file.path(),
              file.size(),
              checksum(file, maxFileSize, hadoop),
              null,
              null));
    }
    Map<String, String> registry = new TreeMap<>();
    try (Stream<java.nio.file.Path> list = java.nio.file.Files.list(reference)) {
      for (java.nio.file.Path file : list.filter(java.nio.file.Files::isRegularFile).toList()) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
          registry.put(file.getFileName().toString(), sha256(in));
        }
      }
    }
    return new PeriodInputs(
        period.toString(), files, registry, BuildInfo.program(), new TreeMap<>(settings));
  }

  /**
   * A dataset file's SHA-256, or what stands for an entry that is never read: its kind and size, or
   * the reason it cannot be read.
   */
  public static String checksum(InboxFile file, long maxFileSize, Configuration hadoop) {
    if (file.kind() != InboxFile.Kind.DATASET || file.size() > maxFileSize) {
      String reason = file.reason() == null ? "" : " " + file.reason();
      return "unread " + file.kind().name().toLowerCase(Locale.ROOT) + " " + file.size() + reason;
    }
    Path path = new Path(file.uri());
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return sha256(in);
    } catch (IOException e) {
      return "unreadable " + e.getMessage();
    }
  }

  public PeriodInputs {
    reference = new TreeMap<>(reference);
    program = new TreeMap<>(program);
    settings = new TreeMap<>(settings);
  }

  /** One checksum over everything the run depends on. */
  public String fingerprint() {
    StringBuilder text = new StringBuilder("period ").append(period).append('\n');
    for (RunRecord.Input file : files) {
      text.append("file ").append(file.file()).append(' ').append(file.sha256()).append('\n');
    }
    reference.forEach(
        (name, sha) -> text.append("reference ").append(name).append(' ').append(sha).append('\n'));
    program.forEach(
        (key, value) -> text.append("program ").append(key).append(' ').append(value).append('\n'));
    settings.forEach(
        (key, value) -> text.append("setting ").append(key).append(' ').append(value).append('\n'));
    return FileChecker.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** What changed since {@code before}'s inputs, in a few words ("2 files new or changed"). */
  public String changesSince(RunRecord before) {
    List<String> changes = new ArrayList<>();
    Map<String, String> earlier = new TreeMap<>();
    if (before.inputs() != null) {
      before.inputs().forEach(input -> earlier.put(input.file(), input.sha256()));
    }
    long changed =
        files.stream().filter(f -> !Objects.equals(f.sha256(), earlier.get(f.file()))).count();
    long removed =
        earlier.keySet().stream()
            .filter(name -> files.stream().noneMatch(f -> f.file().equals(name)))
            .count();
    if (changed > 0) {
      changes.add(changed + " inbox file" + (changed == 1 ? "" : "s") + " new or changed");
    }
    if (removed > 0) {
      changes.add(removed + " inbox file" + (removed == 1 ? "" : "s") + " removed");
    }
    if (!BuildInfo.program().get("version").equals(before.version())
        || !BuildInfo.program().get("built").equals(before.built())) {
      changes.add("a new program build");
    }
    if (changes.isEmpty()) {
      changes.add("the registry or the settings changed");
    }
    return String.join(", ", changes);
  }

  public static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
