package org.tashil.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Spark home made of the build's Maven jars, as a cluster has it: {@code <home>/jars} holds
 * Spark's jars and nothing of Tashil's, so the cluster jar must bring everything else.
 *
 * <p>Spark's jars are the build's {@code provided} scope ({@code target/spark-classpath.txt}) and
 * the Spark jars that Delta Lake, POI or JasperReports bring as well, which Maven lists in the
 * runtime scope ({@code target/classpath.txt}): those that match the {@code spark.shipped} patterns
 * of jobs/pom.xml, the same patterns that keep them out of the cluster jar.
 */
record SparkHome(Path home) {

  SparkHome {
    Objects.requireNonNull(home, "home");
  }

  Path jars() {
    return home.resolve("jars");
  }

  /** {@code <home>/jars/*}: the classpath of Spark's own processes. */
  String classpath() {
    return jars() + "/*";
  }

  /**
   * Links Spark's jars into {@code <home>/jars}.
   *
   * @param sparkClasspath the provided scope, one classpath line
   * @param runtimeClasspath the runtime scope, one classpath line
   * @param shipped {@code groupId:artifactId} patterns ({@code *} for any artifact), comma
   *     separated
   */
  static SparkHome create(Path home, Path sparkClasspath, Path runtimeClasspath, String shipped) {
    Set<Path> jars = new LinkedHashSet<>(entries(sparkClasspath));
    List<String> patterns = Arrays.stream(shipped.split(",")).map(String::trim).toList();
    for (Path jar : entries(runtimeClasspath)) {
      if (patterns.stream().anyMatch(pattern -> matches(jar, pattern))) {
        jars.add(jar);
      }
    }
    SparkHome sparkHome = new SparkHome(home);
    try {
      Files.createDirectories(sparkHome.jars());
      for (Path jar : jars) {
        Files.createSymbolicLink(sparkHome.jars().resolve(jar.getFileName()), jar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sparkHome;
  }

  private static List<Path> entries(Path classpathFile) {
    try {
      List<Path> entries = new ArrayList<>();
      for (String entry : Files.readString(classpathFile).trim().split(":")) {
        entries.add(Path.of(entry));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A jar of the Maven repository, {@code <group as folders>/<artifact>/<version>/<file>}. */
  private static boolean matches(Path jar, String pattern) {
    String[] parts = pattern.split(":");
    Path artifactFolder = jar.getParent().getParent();
    boolean artifact =
        parts[1].equals("*") || artifactFolder.getFileName().toString().equals(parts[1]);
    return artifact && artifactFolder.getParent().endsWith(Path.of(parts[0].replace('.', '/')));
  }
}
