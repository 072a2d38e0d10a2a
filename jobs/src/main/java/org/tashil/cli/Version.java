package org.tashil.cli;

import picocli.CommandLine.IVersionProvider;

/** The program version, from the jar's manifest when there is one. */
public final class Version implements IVersionProvider {

  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"tashil " + current()};
  }
}
