package org.tashil.spark;

import java.net.URI;
import java.util.Optional;

/**
 * A folder given on the command line ({@code --warehouse}, {@code --reports}): a path of this
 * machine, relative or absolute, a {@code file:} URI, or a URI of another Hadoop file system
 * ({@code hdfs://}, {@code s3a://}).
 */
public final class Locations {

  private Locations() {}

  /** The location as a path of this machine (absolute), or none for another file system. */
  public static Optional<java.nio.file.Path> local(String location) {
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() == null) {
      return Optional.of(java.nio.file.Path.of(location).toAbsolutePath());
    }
    if ("file".equals(uri.getScheme())) {
      return Optional.of(java.nio.file.Path.of(uri));
    }
    return Optional.empty();
  }
}
