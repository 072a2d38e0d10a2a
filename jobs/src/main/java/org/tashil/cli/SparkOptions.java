package org.tashil.cli;

import picocli.CommandLine.Option;

/** How Spark runs: local on this machine by default, or on a cluster. */
public final class SparkOptions {

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master: local[*] (default, every core of this machine), local[2], spark://host:7077, yarn, k8s://… Under spark-submit, its --master applies.")
  String master;

  @Option(names = "--verbose", description = "Spark's own log at INFO and stack traces on failure.")
  boolean verbose;

  /** Spark's own log at INFO when --verbose; it stays at WARN otherwise (log4j2.properties). */
  public void applyLogLevel() {
    if (verbose) {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(
          org.apache.logging.log4j.Level.INFO);
    }
  }

  public String master() {
    return master;
  }

  public boolean verbose() {
    return verbose;
  }
}
