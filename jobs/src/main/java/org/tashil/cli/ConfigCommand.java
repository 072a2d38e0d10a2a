package org.tashil.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tashil config}: every setting's effective value and where it comes from. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Print the effective settings and where each comes from: an option, an environment"
            + " variable (TASHIL_<SETTING>), the settings file or the built-in default.")
public final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;
  @Mixin StorageOptions storage;
  @Mixin SparkOptions sparkOptions;
  @Mixin ReportOptions reportOptions;
  @Mixin OnTimeOption onTimeOption;
  @Mixin MaxFileSizeOption maxFileSizeOption;
  @Mixin RetentionOption retentionOption;

  @Override
  public Integer call() {
    Settings settings =
        spec.root().commandLine().getDefaultValueProvider() instanceof Settings given
            ? given
            : Settings.none();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("inbox", storage.inbox());
    values.put("warehouse", storage.warehouse());
    values.put("reference", String.valueOf(storage.reference()));
    values.put("reports", String.valueOf(reportOptions.reports()));
    values.put(
        "master",
        sparkOptions.master() != null
            ? sparkOptions.master()
            : System.getProperty("spark.master", org.tashil.spark.Spark.DEFAULT_MASTER));
    values.put("lang", reportOptions.language().code());
    values.put("suppress-below", Integer.toString(reportOptions.suppressBelow()));
    values.put("on-time-days", Integer.toString(onTimeOption.onTimeDays()));
    values.put("max-file-size", maxFileSizeOption.describe());
    values.put("lock-stale-after", storage.describeLockStaleAfter());
    values.put("retention", retentionOption.describe());
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "# settings file: " + (settings.fileLocation() == null ? "none" : settings.fileLocation()));
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String key = entry.getKey();
      String source =
          spec.commandLine().getParseResult().hasMatchedOption("--" + key)
              ? "option --" + key
              : settings.source(key);
      out.printf("%s = %s    # %s%n", key, entry.getValue(), source);
    }
    settings.spark().forEach((key, value) -> out.printf("%s = %s    # file%n", key, value));
    out.flush();
    return Tashil.OK;
  }
}
