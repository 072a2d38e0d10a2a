package org.tashil.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tashil.reference.Registry;
import picocli.CommandLine.Option;

/** Where the inbox, the warehouse and the reference registry are. */
public final class StorageOptions {

  /**
   * Defaults are inside the Tashil folder (the launcher sets tashil.home), else the working folder.
   */
  static final String HOME = "${sys:tashil.home:-.}";

  private static final Pattern DURATION =
      Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)", Pattern.CASE_INSENSITIVE);

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

  @Option(
      names = "--lock-stale-after",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "On HDFS or S3, how long the warehouse lock may go without its holder's heartbeat (every"
              + " 30 s) before another run takes it over; a holder on this machine whose process"
              + " still runs is never taken over. A duration such as 10m, 90s or 1h. A local"
              + " warehouse's lock is the operating system's, freed when its process ends, and"
              + " does not use this. Default: ${DEFAULT-VALUE}.")
  String lockStaleAfter;

  public String inbox() {
    return inbox;
  }

  public String warehouse() {
    return warehouse;
  }

  public Path reference() {
    return reference;
  }

  /** How long a shared file system's warehouse lock may go without a heartbeat. */
  public Duration lockStaleAfter() {
    return duration(lockStaleAfter)
        .orElseThrow(
            () ->
                new UsageException(
                    "--lock-stale-after is a duration such as 10m, 90s or 1h (at least 1s), not '"
                        + lockStaleAfter
                        + "'"));
  }

  /** The stale setting as given, once it is known to be a duration: {@code 10m (600 seconds)}. */
  public String describeLockStaleAfter() {
    return lockStaleAfter + " (" + lockStaleAfter().toSeconds() + " seconds)";
  }

  /** A duration of at least a second, if the text is one: a whole number and s, m, h or d. */
  static Optional<Duration> duration(String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(matcher.group(1));
    if (number < 1) {
      return Optional.empty();
    }
    return Optional.of(
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "s" -> Duration.ofSeconds(number);
          case "m" -> Duration.ofMinutes(number);
          case "h" -> Duration.ofHours(number);
          default -> Duration.ofDays(number);
        });
  }

  public Registry registry() {
    return Registry.load(reference);
  }
}
