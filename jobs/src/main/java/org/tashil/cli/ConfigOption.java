package org.tashil.cli;

import picocli.CommandLine.Option;

/**
 * {@code --config FILE}. The file is read before the options are parsed (see {@link Settings}); the
 * option is declared here so that every command that reads settings accepts and documents it.
 */
public final class ConfigOption {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings file (default: $TASHIL_CONFIG, else ./"
              + Settings.FILE_NAME
              + ", else "
              + Settings.FILE_NAME
              + " beside the warehouse folder). Environment variables TASHIL_<SETTING> and options"
              + " override it; tashil config prints the effective values.")
  String config;
}
