package org.tashil.cli;

import java.nio.file.Path;
import org.tashil.reference.Registry;
import picocli.CommandLine.Option;

/** Where the inbox, the warehouse and the reference registry are. */
public final class StorageOptions {

  /**
   * Defaults are inside the Tashil folder (the launcher sets tashil.home), else the working folder.
   */
  static final String HOME = "${sys:tashil.home:-.}";

  @Option(
      names = "--inbox",
      paramLabel = "DIR",
      defaultValue = HOME + "/var/inbox",
      description =
          "Folder (or Hadoop URI) of the offices' files, <inbox>/<period>/<office>/. Default: ${DEFAULT-VALUE}.")
  String inbox;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = HOME + "/var/warehouse",
      description =
          "Folder (or Hadoop URI) of the warehouse's Delta tables. Default: ${DEFAULT-VALUE}.")
  String warehouse;

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      defaultValue = HOME + "/data/reference",
      description =
          "Folder of the registry: settlements, offices, agencies, column aliases. Default: ${DEFAULT-VALUE}.")
  Path reference;

  public String inbox() {
    return inbox;
  }

  public String warehouse() {
    return warehouse;
  }

  public Path reference() {
    return reference;
  }

  public Registry registry() {
    return Registry.load(reference);
  }
}
