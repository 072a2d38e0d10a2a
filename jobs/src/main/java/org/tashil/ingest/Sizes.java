package org.tashil.ingest;

import java.util.Locale;

/** File sizes as people read them: {@code 3.2 GB}, {@code 740 KB}, {@code 12 bytes}. */
final class Sizes {

  private Sizes() {}

  static String describe(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }
}
