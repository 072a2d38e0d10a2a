package org.tashil.ingest;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * An inbox file's bytes, opened as often as its check reads them. On a local disk they are the file
 * itself. Elsewhere (HDFS, S3) a CSV file is streamed from its file system each time, and a
 * workbook, which is read by random access, is first copied to a local temporary file (at most one
 * byte past the size limit), which every later pass then reads, and which closing deletes.
 */
final class FileBytes implements Closeable {

  private final InboxFile file;
  private final Configuration hadoop;
  private final long limit;
  private final Path local;
  private Path copy;

  FileBytes(InboxFile file, Configuration hadoop, long limit) {
    this.file = file;
    this.hadoop = hadoop;
    this.limit = limit;
    URI uri = new org.apache.hadoop.fs.Path(file.uri()).toUri();
    this.local = "file".equals(uri.getScheme()) ? Path.of(uri) : null;
  }

  /** The bytes from their start. */
  InputStream open() throws IOException {
    if (local != null) {
      return Files.newInputStream(local);
    }
    if (file.isWorkbook()) {
      return Files.newInputStream(localCopy());
    }
    return remote();
  }

  /** The bytes as a local file, for a reader that needs random access. */
  File localFile() throws IOException {
    return (local != null ? local : localCopy()).toFile();
  }

  private Path localCopy() throws IOException {
    if (copy == null) {
      Path target = Files.createTempFile("tashil-inbox-", ".xlsx");
      try (InputStream in = remote();
          OutputStream out = Files.newOutputStream(target)) {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        for (int n; copied <= limit && (n = in.read(buffer)) > 0; copied += n) {
          out.write(buffer, 0, n);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(target);
        throw e;
      }
      copy = target;
    }
    return copy;
  }

  private InputStream remote() throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.uri());
    return path.getFileSystem(hadoop).open(path);
  }

  /** Deletes the local copy, if one was made. */
  @Override
  public void close() {
    if (copy != null) {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException e) {
        copy.toFile().deleteOnExit();
      }
      copy = null;
    }
  }
}
