package org.tashil.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the PDFs go, their language and the small-cell threshold. */
public final class ReportOptions {

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      defaultValue = StorageOptions.HOME + "/var/reports",
      description = "Folder (or Hadoop URI) the PDFs are written under. Default: ${DEFAULT-VALUE}.")
  String reports;

  @Mixin LanguageOption languageOption;

  @Option(
      names = "--suppress-below",
      paramLabel = "HOUSEHOLDS",
      defaultValue = "5",
      description =
          "A share over fewer households than this prints as * (default ${DEFAULT-VALUE}).")
  int suppressBelow;

  public String reports() {
    return reports;
  }

  /** The folder the PDFs are written under, reached with these Hadoop settings when not local. */
  public org.tashil.reports.render.ReportFolder folder(
      org.apache.hadoop.conf.Configuration hadoop) {
    return org.tashil.render.ReportFolders.at(reports, hadoop);
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
