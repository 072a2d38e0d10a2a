package org.tashil.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A folder of this machine: each file is written to a temporary file beside it ({@code
 * .<name>.<random>.part}) and renamed over the old one. The files get the permissions any new file
 * of the process gets (its umask), so whoever may read the folder may read the reports.
 */
public final class LocalReportFolder implements ReportFolder {

  private final Path root;

  public LocalReportFolder(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  @Override
  public void prepare(String folder) {
    Path path = root.resolve(folder);
    try {
      Files.createDirectories(path);
      try (var files = Files.list(path)) {
        for (Path file : files.toList()) {
          if (ReportFolder.isUnfinished(file.getFileName().toString())) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + path, e);
    }
  }

  @Override
  public void write(String file, byte[] bytes) {
    Path target = root.resolve(file);
    // Not Files.createTempFile: it makes the file readable by its owner only, and the rename keeps
    // that.
    Path temporary =
        target.resolveSibling(ReportFolder.unfinished(target.getFileName().toString()));
    try {
      Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the rename already happened, or the write failed and its error is reported
      }
    }
  }

  @Override
  public String location(String name) {
    return root.resolve(name).toString();
  }
}
