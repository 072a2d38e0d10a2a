package org.tashil.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when it is not on the command line: an environment variable
 * ({@code TASHIL_WAREHOUSE}, {@code TASHIL_ON_TIME_DAYS}, …), else the configuration file ({@code
 * --config FILE}, else {@code TASHIL_CONFIG}, else {@code tashil.properties} in the working folder,
 * else beside the warehouse folder), else the option's built-in default. The file's {@code spark.*}
 * keys are Spark settings. Unknown keys and bad values are configuration errors (exit 2).
 */
public final class Settings implements IDefaultValueProvider {

  public static final String FILE_NAME = "tashil.properties";

  /** The settings a file or the environment may give, as the options are named. */
  public static final List<String> KEYS =
      List.of(
          "inbox",
          "warehouse",
          "reference",
          "reports",
          "master",
          "lang",
          "on-time-days",
          "suppress-below",
          "max-file-size",
          "lock-stale-after",
          "retention");

  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final Path fileLocation;

  private Settings(Map<String, String> environment, Map<String, String> file, Path fileLocation) {
    this.environment = environment;
    this.file = file;
    this.fileLocation = fileLocation;
  }

  /** No environment and no file: built-in defaults only (tests). */
  public static Settings none() {
    return new Settings(Map.of(), Map.of(), null);
  }

  /**
   * Reads the environment and the configuration file the command line points at.
   *
   * @throws UsageException for a missing {@code --config} file, an unknown key or a bad value
   */
  public static Settings load(String[] args, Map<String, String> environment, Path workingFolder) {
    Map<String, String> env = new TreeMap<>();
    for (String key : KEYS) {
      String value = environment.get(variable(key));
      if (value != null && !value.isBlank()) {
        env.put(key, value.strip());
      }
    }
    Path location = location(args, environment, workingFolder, env);
    Map<String, String> file = location == null ? Map.of() : read(location);
    Settings settings = new Settings(env, file, location);
    settings.check();
    return settings;
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String key = option.longestName().replaceFirst("^--", "");
    if (!KEYS.contains(key)) {
      return null;
    }
    String value = environment.get(key);
    return value != null ? value : file.get(key);
  }

  /** Where a key's value comes from when not given as an option. */
  public String source(String key) {
    if (environment.containsKey(key)) {
      return "environment " + variable(key);
    }
    if (file.containsKey(key)) {
      return "file " + fileLocation;
    }
    return "default";
  }

  /** The configuration file read, or null. */
  public Path fileLocation() {
    return fileLocation;
  }

  /** The file's {@code spark.*} settings. */
  public Map<String, String> spark() {
    Map<String, String> spark = new TreeMap<>();
    file.forEach(
        (key, value) -> {
          if (key.startsWith("spark.")) {
            spark.put(key, value);
          }
        });
    return spark;
  }

  /**
   * Hands the file's Spark settings to Spark (which reads {@code spark.*} system properties); a
   * {@code -Dspark.…} given to the JVM or by {@code spark-submit} wins.
   */
  public void applySparkSettings() {
    spark()
        .forEach(
            (key, value) -> {
              if (System.getProperty(key) == null) {
                System.setProperty(key, value);
              }
            });
  }

  static String variable(String key) {
    return "TASHIL_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private void check() {
    for (Map.Entry<String, String> entry : file.entrySet()) {
      if (!KEYS.contains(entry.getKey()) && !entry.getKey().startsWith("spark.")) {
        throw new UsageException(
            "unknown setting '"
                + entry.getKey()
                + "' in "
                + fileLocation
                + "; the settings are "
                + String.join(", ", KEYS)
                + " and spark.*");
      }
    }
    for (String key : KEYS) {
      String value = environment.containsKey(key) ? environment.get(key) : file.get(key);
      if (value != null) {
        String problem = problem(key, value);
        if (problem != null) {
          throw new UsageException(
              "bad value '" + value + "' for " + key + " (" + source(key) + "): " + problem);
        }
      }
    }
  }

  /** What is wrong with a value, or null. */
  static String problem(String key, String value) {
    return switch (key) {
      case "lang" -> value.equals("fa") || value.equals("en") ? null : "fa or en";
      case "on-time-days" -> wholeNumber(value, 0);
      case "suppress-below" -> wholeNumber(value, 1);
      case "max-file-size" ->
          MaxFileSizeOption.parse(value).isPresent() ? null : "a size such as 256MiB or 1GiB";
      case "lock-stale-after" ->
          StorageOptions.duration(value).isPresent()
              ? null
              : "a duration such as 10m, 90s or 1h (at least 1s)";
      case "retention" ->
          RetentionOption.parse(value).isPresent() ? null : "a number of days such as 30d or 30";
      default -> value.isBlank() ? "empty" : null;
    };
  }

  private static String wholeNumber(String value, int minimum) {
    try {
      return Integer.parseInt(value) >= minimum ? null : "a whole number, at least " + minimum;
    } catch (NumberFormatException e) {
      return "a whole number, at least " + minimum;
    }
  }

  private static Path location(
      String[] args, Map<String, String> environment, Path workingFolder, Map<String, String> env) {
    String given = argument(args, "--config");
    if (given == null) {
      given = environment.get("TASHIL_CONFIG");
    }
    if (given != null && !given.isBlank()) {
      Path path = workingFolder.resolve(given);
      if (!Files.isRegularFile(path)) {
        throw new UsageException("the configuration file " + given + " does not exist");
      }
      return path;
    }
    Path here = workingFolder.resolve(FILE_NAME);
    if (Files.isRegularFile(here)) {
      return here;
    }
    String warehouse = argument(args, "--warehouse");
    if (warehouse == null) {
      warehouse = env.get("warehouse");
    }
    if (warehouse == null) {
      warehouse = System.getProperty("tashil.home", ".") + "/var/warehouse";
    }
    if (warehouse.contains("://")) {
      return null;
    }
    Path parent = workingFolder.resolve(warehouse).toAbsolutePath().normalize().getParent();
    Path beside = parent == null ? null : parent.resolve(FILE_NAME);
    return beside != null && Files.isRegularFile(beside) ? beside : null;
  }

  private static String argument(String[] args, String name) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return null;
  }

  private static Map<String, String> read(Path location) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(location, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UsageException("cannot read the configuration file " + location + ": " + e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name.strip(), properties.getProperty(name).strip());
    }
    return values;
  }
}
