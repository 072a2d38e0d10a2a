package org.tashil.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --retention}: how long a table's replaced versions stay readable. {@code tashil maintain}
 * keeps the files of the version that was current that many days ago and of every later one.
 */
public final class RetentionOption {

  private static final Pattern DAYS = Pattern.compile("(\\d{1,5})\\s*d?", Pattern.CASE_INSENSITIVE);

  @Option(
      names = "--retention",
      paramLabel = "DAYS",
      defaultValue = "30d",
      description =
          "How long a table's earlier versions stay readable, in days (30d or 30): the files of"
              + " the version current that long ago and of every later one are kept, older"
              + " versions' files go. 0 keeps the latest version only. Default: ${DEFAULT-VALUE}.")
  String retention;

  /** The setting as a duration. */
  public Duration retention() {
    return parse(retention)
        .orElseThrow(
            () ->
                new UsageException(
                    "--retention is a number of days such as 30d or 30, not '" + retention + "'"));
  }

  /** The setting as given, once it is known to be a number of days: {@code 30d (30 days)}. */
  public String describe() {
    return retention + " (" + retention().toDays() + " days)";
  }

  /** A number of days, if the text is one (0 or more). */
  static Optional<Duration> parse(String text) {
    Matcher matcher = DAYS.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofDays(Long.parseLong(matcher.group(1))));
  }
}
