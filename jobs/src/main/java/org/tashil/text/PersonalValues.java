package org.tashil.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the personal values an office may type where none belongs: Iranian national ids (کد ملی:
 * ten digits whose last is a valid check digit, also with the leading zeros a spreadsheet drops)
 * and phone numbers (mobiles {@code 09xx xxx xxxx}, landlines {@code 0xx xxxx xxxx}, with or
 * without {@code +98}/{@code 0098}), in ASCII, Persian or Arabic-Indic digits, grouped in any way
 * by spaces (of any kind), dots, dashes or brackets.
 *
 * <p>An id column holding one is quarantined ({@code PERSONAL_DATA}); free text ({@code summary})
 * is stored with them masked; every value and argument a message or a quarantined row echoes goes
 * through {@link #mask}, so that no record, log line or PDF carries one. A ten-digit id that
 * happens to have a valid check digit is taken for a national id: no rule can tell them apart, and
 * keeping a person's id is the worse mistake.
 */
public final class PersonalValues {

  /** What takes the place of a masked digit. */
  public static final char MASK = '*';

  /**
   * A run of digits, with at most two separators between two digits: one number however it is
   * grouped, or several numbers written side by side (each is found inside the run).
   */
  private static final Pattern RUN =
      Pattern.compile("(?<![0-9])\\+?[0-9]+(?:[ .\\-()]{1,2}[0-9]+)*(?![0-9])");

  private static final Pattern GROUP = Pattern.compile("[0-9]+");
  private static final Pattern MOBILE = Pattern.compile("(0098|98|0)?9[0-9]{9}");
  private static final Pattern LANDLINE = Pattern.compile("(0098|98|0)[1-8][0-9]{9}");

  /**
   * How national ids are written: whole, or grouped as on the card (3-6-1) or for reading (3-3-4,
   * 3-7). Other groupings of ten digits are dates and codes ({@code 1405-08-0001}).
   */
  private static final List<List<Integer>> NATIONAL_ID_LAYOUTS =
      List.of(List.of(10), List.of(3, 6, 1), List.of(3, 3, 4), List.of(3, 7));

  private PersonalValues() {}

  /** A text with its personal values masked, and how many there were. */
  public record Masked(String text, int count) {}

  /** Whether the text holds a national id or a phone number anywhere. */
  public static boolean containsAny(String text) {
    return text != null && mask(text).count() > 0;
  }

  /** The text with every personal value masked; null stays null. */
  public static String masked(String text) {
    return mask(text).text();
  }

  /**
   * The text with every national id and phone number in it masked: a phone keeps its country, trunk
   * and operator or area code ({@code ۰۹۱۲*******}, {@code 061********}), a national id nothing.
   */
  public static Masked mask(String text) {
    if (text == null || !hasEnoughDigits(text)) {
      return new Masked(text, 0);
    }
    // Matching runs on a copy of the same length: ASCII digits, and every space, invisible mark
    // or bidi control a keyboard slips between digits read as a space.
    String plain = plain(text);
    char[] out = text.toCharArray();
    int count = 0;
    Matcher run = RUN.matcher(plain);
    while (run.find()) {
      count += maskRun(plain, run.start(), run.end(), out);
    }
    return new Masked(count == 0 ? text : new String(out), count);
  }

  /**
   * Masks the personal values inside one run of digit groups: from each group on, the longest
   * sequence of whole groups whose digits are one; returns how many.
   */
  private static int maskRun(String plain, int start, int end, char[] out) {
    List<int[]> groups = new ArrayList<>();
    Matcher group = GROUP.matcher(plain).region(start, end);
    while (group.find()) {
      groups.add(new int[] {group.start(), group.end()});
    }
    boolean plus = plain.charAt(start) == '+';
    int count = 0;
    for (int first = 0; first < groups.size(); ) {
      int found = -1;
      int kept = 0;
      StringBuilder digits = new StringBuilder();
      List<Integer> layout = new ArrayList<>();
      for (int last = first; last < groups.size() && digits.length() <= 14; last++) {
        digits.append(plain, groups.get(last)[0], groups.get(last)[1]);
        layout.add(groups.get(last)[1] - groups.get(last)[0]);
        int keep = digitsKept(digits.toString(), layout, plus && first == 0);
        if (keep >= 0) {
          found = last;
          kept = keep;
        }
      }
      if (found < 0) {
        first++;
        continue;
      }
      int seen = 0;
      for (int i = groups.get(first)[0]; i < groups.get(found)[1]; i++) {
        if (Character.isDigit(plain.charAt(i)) && seen++ >= kept) {
          out[i] = MASK;
        }
      }
      count++;
      first = found + 1;
    }
    return count;
  }

  /**
   * How many leading digits a mask keeps when the digits (written in groups of the given lengths)
   * are a personal value, or -1 when they are none.
   */
  private static int digitsKept(String digits, List<Integer> layout, boolean afterPlus) {
    if (NATIONAL_ID_LAYOUTS.contains(layout) && isNationalId(digits)) {
      return 0;
    }
    Matcher mobile = MOBILE.matcher(digits);
    if (mobile.matches()) {
      return prefixLength(mobile.group(1)) + 3;
    }
    // 98 and ten digits without a plus sign is as likely an amount as a landline.
    Matcher landline = LANDLINE.matcher(digits);
    if (landline.matches() && (afterPlus || !"98".equals(landline.group(1)))) {
      return prefixLength(landline.group(1)) + 2;
    }
    // A spreadsheet that took a national id for a number dropped its leading zeros.
    boolean zerosDropped = layout.size() == 1 && digits.length() >= 8 && digits.length() < 10;
    if (zerosDropped && isNationalId("0".repeat(10 - digits.length()) + digits)) {
      return 0;
    }
    return -1;
  }

  private static int prefixLength(String prefix) {
    return prefix == null ? 0 : prefix.length();
  }

  /** Ten digits whose check digit is right, and not one digit ten times (never issued). */
  static boolean isNationalId(String digits) {
    if (digits.length() != 10 || digits.chars().distinct().count() == 1) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int remainder = sum % 11;
    int check = digits.charAt(9) - '0';
    return remainder < 2 ? check == remainder : check == 11 - remainder;
  }

  private static boolean hasEnoughDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 8; i++) {
      if (asciiDigit(text.charAt(i)) >= 0) {
        digits++;
      }
    }
    return digits >= 8;
  }

  /** The ASCII digit a character stands for, or -1. */
  private static int asciiDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c;
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return '0' + (c - '\u06F0');
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return '0' + (c - '\u0660');
    }
    return -1;
  }

  private static String plain(String text) {
    char[] chars = new char[text.length()];
    for (int i = 0; i < chars.length; i++) {
      char c = text.charAt(i);
      int digit = asciiDigit(c);
      boolean space =
          Character.isSpaceChar(c)
              || Character.isWhitespace(c)
              || Character.getType(c) == Character.FORMAT; // ZWNJ, bidi marks, BOM
      chars[i] = digit >= 0 ? (char) digit : space ? ' ' : c;
    }
    return new String(chars);
  }
}
