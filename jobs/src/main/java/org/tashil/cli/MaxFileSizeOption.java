package org.tashil.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --max-file-size}: the largest dataset file read. A larger one is rejected with its size,
 * unread, so that a mistaken export or a disk image in an office folder cannot fill the memory or
 * the disk of a run.
 */
public final class MaxFileSizeOption {

  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,15})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)", Pattern.CASE_INSENSITIVE);

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      defaultValue = "256MiB",
      description =
          "The largest households, demands or activities file read, in bytes or with KiB, MiB or"
              + " GiB (1024-based); a larger file is rejected unread. Default: ${DEFAULT-VALUE}.")
  String maxFileSize;

  /** The setting in bytes. */
  public long bytes() {
    return parse(maxFileSize)
        .orElseThrow(
            () ->
                new UsageException(
                    "--max-file-size is a size such as 256MiB or 1GiB, not '" + maxFileSize + "'"));
  }

  /** The setting as given, once it is known to be a size: {@code 256MiB (268435456 bytes)}. */
  public String describe() {
    return maxFileSize + " (" + bytes() + " bytes)";
  }

  /** A size in bytes, if the text is one (at least 1 byte). */
  static java.util.Optional<Long> parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      return java.util.Optional.empty();
    }
    long number = Long.parseLong(matcher.group(1));
    int shift =
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "k", "kb", "kib" -> 10;
          case "m", "mb", "mib" -> 20;
          case "g", "gb", "gib" -> 30;
          default -> 0;
        };
    if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(number << shift);
  }
}
