package org.tashil.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tashil.spark.DurableFile;

/**
 * The warehouse's manifest: the version of every table that the last complete group of writes left
 * ({@code <warehouse>/_tashil_versions/<n>.json}, the highest {@code n} current). A stage commits
 * its tables one by one; only when all are committed does it publish the next manifest, and
 * Tashil's readers read each table at the version the manifest names. So a run killed between two
 * commits leaves readers on the previous whole state, and the next writer brings the tables back to
 * it ({@link Repair}).
 */
final class CommittedVersions {

  static final String FOLDER = "_tashil_versions";

  /**
   * Manifests kept, the current one included: a damaged current one is passed over for the one
   * before, and a reader that listed them while a writer published finds the one it listed.
   */
  static final int KEPT = 10;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String root;
  private final Path folder;
  private final Configuration hadoop;
  private final java.util.function.Consumer<String> warnings;

  /**
   * The versions readers read, as the last manifest names them; empty for a warehouse that has none
   * yet (each table then reads at its latest). Read once, then kept up to date by this process's
   * own groups: one process writes at a time (the warehouse lock).
   */
  private volatile Optional<Map<String, Long>> current;

  CommittedVersions(
      Configuration hadoop, String root, java.util.function.Consumer<String> warnings) {
    this.root = root;
    this.folder = new Path(root, FOLDER);
    this.hadoop = hadoop;
    this.warnings = warnings;
  }

  /** The last manifest's versions, by table, read once. */
  Optional<Map<String, Long>> current() {
    Optional<Map<String, Long>> versions = current;
    if (versions == null) {
      versions = read();
      current = versions;
    }
    return versions;
  }

  /** The folder of the manifests. */
  Path folder() {
    return folder;
  }

  /** Publishes the next manifest, which readers follow from then on. */
  void publish(Map<String, Long> versions, String group) {
    // Not when this run's lock was taken over while it was paused: its successor's state stands.
    org.tashil.run.WarehouseLock.requireHeld(root);
    write(versions, group);
    current = Optional.of(Map.copyOf(versions));
  }

  /**
   * The versions of the last complete group, by table ({@code clean/households}, …); empty when no
   * group has published a manifest here (a new warehouse, or one of a Tashil that had none).
   *
   * <p>Only a manifest that is not JSON (a hand edit, a damaged disk: this code's writer renames
   * whole files into place) is passed over for the one before it. Any other failure to read one is
   * thrown: falling back on it would roll a finished stage back, or show a mix of stages. A
   * manifest deleted between the listing and its reading (a writer published two since, and keeps
   * {@value #KEPT}) sends the reader back to the listing.
   */
  Optional<Map<String, Long>> read() {
    try {
      for (int listing = 1; ; listing++) {
        List<FileStatus> manifests = manifests();
        if (manifests.isEmpty()) {
          return Optional.empty();
        }
        boolean gone = false;
        for (FileStatus file : manifests) {
          try (InputStream in = fileSystem().open(file.getPath())) {
            return Optional.of(Map.copyOf(JSON.readValue(in, Manifest.class).tables()));
          } catch (FileNotFoundException e) {
            gone = true;
            break;
          } catch (com.fasterxml.jackson.core.JacksonException e) {
            warnings.accept(
                "tashil: skipped the damaged warehouse manifest "
                    + file.getPath()
                    + " ("
                    + e.getClass().getSimpleName()
                    + ")");
          }
        }
        if (!gone || listing == 5) {
          throw new IllegalStateException(
              "no manifest of the warehouse can be read in "
                  + folder
                  + "; restore the folder from a backup, or move it aside to read every table at"
                  + " its latest version");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the warehouse manifest in " + folder, e);
    }
  }

  /** Writes the next manifest. */
  private void write(Map<String, Long> versions, String group) {
    try {
      List<FileStatus> existing = manifests();
      long next =
          existing.isEmpty() ? 0 : number(existing.get(0).getPath().getName()).orElse(0L) + 1;
      Manifest manifest = new Manifest(group, Instant.now().toString(), new TreeMap<>(versions));
      byte[] bytes = (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
      DurableFile.publish(fileSystem(), folder, String.format("%020d.json", next), bytes);
      for (int i = KEPT - 1; i < existing.size(); i++) {
        fileSystem().delete(existing.get(i).getPath(), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the warehouse manifest in " + folder, e);
    }
  }

  /** The published manifests, newest first. */
  private List<FileStatus> manifests() throws IOException {
    List<FileStatus> files = new ArrayList<>();
    try {
      for (FileStatus status : fileSystem().listStatus(folder)) {
        if (status.isFile() && number(status.getPath().getName()).isPresent()) {
          files.add(status);
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    }
    files.sort(
        Comparator.comparing((FileStatus status) -> number(status.getPath().getName()).get())
            .reversed());
    return files;
  }

  private static Optional<Long> number(String name) {
    return name.matches("\\d{20}\\.json")
        ? Optional.of(Long.parseLong(name.substring(0, 20)))
        : Optional.empty();
  }

  private FileSystem fileSystem() throws IOException {
    return folder.getFileSystem(hadoop);
  }

  /**
   * One manifest.
   *
   * @param group the writes that published it ({@code ingest 1405-08})
   * @param written when
   * @param tables each table's version
   */
  record Manifest(String group, String written, Map<String, Long> tables) {
    Manifest {
      tables = tables == null ? Map.of() : new LinkedHashMap<>(tables);
    }
  }
}
