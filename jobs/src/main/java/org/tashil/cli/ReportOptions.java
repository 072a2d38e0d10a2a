package org.tashil.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the PDFs go, their language and the small-cell threshold. */
public final class ReportOptions {

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      defaultValue = StorageOptions.HOME + "/var/reports",
      description = "Folder the PDFs are written under. Default: ${DEFAULT-VALUE}.")
  Path reports;

  @Mixin LanguageOption languageOption;

  @Option(
      names = "--suppress-below",
      paramLabel = "HOUSEHOLDS",
      defaultValue = "5",
      description =
          "A share over fewer households than this prints as * (default ${DEFAULT-VALUE}).")
  int suppressBelow;

  public Path reports() {
    return reports;
  }

  public org.tashil.reports.model.Language language() {
    return languageOption.reportLanguage();
  }

  public int suppressBelow() {
    if (suppressBelow < 1) {
      throw new UsageException("--suppress-below is at least 1, not " + suppressBelow);
    }
    return suppressBelow;
  }
}
