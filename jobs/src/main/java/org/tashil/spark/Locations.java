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

  /** A scheme, as a URI begins: two characters or more, so that {@code C:} stays a path. */
  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  /** The location as a path of this machine (absolute), or none for another file system. */
  public static Optional<java.nio.file.Path> local(String location) {
    if (!SCHEME.matcher(location).find()) {
      return Optional.of(java.nio.file.Path.of(location).toAbsolutePath());
    }
    URI uri = URI.create(location.replace(" ", "%20"));
    if ("file".equals(uri.getScheme())) {
      return Optional.of(java.nio.file.Path.of(uri));
    }
    return Optional.empty();
  }
}
