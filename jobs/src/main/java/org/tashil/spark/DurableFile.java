package org.tashil.spark;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A small file published whole or not at all: written under a hidden name, forced to the disk, then
 * renamed into place. A reader never sees half of it, and a power cut never leaves an empty file
 * under its name (a rename that reached the disk before the bytes did).
 */
public final class DurableFile {

  private DurableFile() {}

  /** Publishes {@code bytes} as {@code folder/name}, replacing a file of that name. */
  public static void publish(FileSystem fs, Path folder, String name, byte[] bytes)
      throws IOException {
    fs.mkdirs(folder);
    if ("file".equals(fs.getUri().getScheme())) {
      publishLocal(java.nio.file.Path.of(fs.makeQualified(folder).toUri()), name, bytes);
      return;
    }
    Path hidden = new Path(folder, "." + name + ".tmp");
    try (FSDataOutputStream out = fs.create(hidden, true)) {
      out.write(bytes);
      out.hsync();
    }
    if (!fs.rename(hidden, new Path(folder, name))) {
      throw new IOException("could not publish " + new Path(folder, name));
    }
  }

  /** On a local disk: the file and then its folder forced to the disk around an atomic rename. */
  private static void publishLocal(java.nio.file.Path folder, String name, byte[] bytes)
      throws IOException {
    java.nio.file.Path hidden = folder.resolve("." + name + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            hidden,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true); // the rename itself, on file systems that can force a folder
    } catch (IOException e) {
      // Some systems cannot open a folder for this; the file is written all the same.
    }
  }
}
