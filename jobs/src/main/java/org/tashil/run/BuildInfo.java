package org.tashil.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The program's version and build time, from {@code build.properties} (filled by Maven). */
public final class BuildInfo {

  private static final Properties BUILD = load();

  private BuildInfo() {}

  public static String version() {
    return BUILD.getProperty("version", "development");
  }

  public static String built() {
    return BUILD.getProperty("built", "unknown");
  }

  /**
   * What {@code run} compares: a new build re-runs a period. Sorted, so that the fingerprint is the
   * same in every JVM ({@code Map.of} iterates in a different order from one JVM to the next).
   */
  public static Map<String, String> program() {
    return new java.util.TreeMap<>(Map.of("version", version(), "built", built()));
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/org/tashil/build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
