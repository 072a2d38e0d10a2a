package org.tashil.text;

import java.util.Locale;

/**
 * How every value from an office is normalised before it is checked: trimmed; Persian (U+06F0..)
 * and Arabic-Indic (U+0660..) digits made ASCII; Arabic yeh and kaf made Persian; bidi marks and
 * stray BOMs dropped; the zero-width non-joiner (U+200C), part of correct spelling, kept.
 */
public final class PersianText {

  private static final char ZWNJ = '\u200C';

  private PersianText() {}

  /** The normalised value, or null when nothing is left after trimming. */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isInvisibleMark(c)) {
        out.append(normalizeChar(c));
      }
    }
    int start = 0;
    int end = out.length();
    while (start < end && isTrimmable(out.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmable(out.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : out.substring(start, end);
  }

  /** Lower-cased, normalised header or enumeration label, for case-insensitive matching. */
  public static String key(String value) {
    String normalized = normalize(value);
    return normalized == null ? "" : normalized.toLowerCase(Locale.ROOT);
  }

  private static char normalizeChar(char c) {
    if (c >= '\u06F0' && c <= '\u06F9') {
      return (char) ('0' + (c - '\u06F0'));
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    return switch (c) {
      case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh, alef maksura -> Persian yeh
      case '\u0643' -> '\u06A9'; // Arabic kaf -> Persian keheh
      case '\u00A0' -> ' ';
      default -> c;
    };
  }

  private static boolean isInvisibleMark(char c) {
    return c == '\u200E' || c == '\u200F' || c == '\u200B' || c == '\uFEFF';
  }

  private static boolean isTrimmable(char c) {
    return c != ZWNJ && (Character.isWhitespace(c) || Character.isSpaceChar(c));
  }
}
