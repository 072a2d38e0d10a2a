package org.tashil.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the personal values an office may type where none belongs: Iranian national ids (کد ملی:
 * ten digits whose last is a valid check digit) and phone numbers (mobile {@code 09xx xxx xxxx},
 * with or without {@code +98}/{@code 0098}, and landlines {@code 0xx xxxxxxxx}), in ASCII, Persian
 * or Arabic-Indic digits, with or without spaces or dashes between the groups.
 *
 * <p>An id column holding one is quarantined ({@code PERSONAL_DATA}); free text ({@code summary})
 * is stored with them masked; every value and argument a message or a quarantined row echoes goes
 * through {@link #mask}, so that no record, log line or PDF carries one.
 */
public final class PersonalValues {

  /** What takes the place of a masked digit. */
  public static final char MASK = '*';

  private static final String SEPARATOR = "[ \\-]?";
  // A digit that is not part of the match on either side: a number inside a longer number is not
  // a phone number or a national id.
  private static final String BEFORE = "(?<![0-9])";
  private static final String AFTER = "(?![0-9])";
  private static final Pattern MOBILE =
      Pattern.compile(
          BEFORE
              + "(?:(?:\\+|00)98"
              + SEPARATOR
              + "|0)?9[0-9]{2}"
              + SEPARATOR
              + "[0-9]{3}"
              + SEPARATOR
              + "[0-9]{4}"
              + AFTER);
  private static final Pattern LANDLINE =
      Pattern.compile(
          BEFORE
              + "(?:(?:\\+|00)98"
              + SEPARATOR
              + "|0)[1-8][0-9]"
              + SEPARATOR
              + "[0-9]{4}"
              + SEPARATOR
              + "[0-9]{4}"
              + AFTER);
  private static final Pattern NATIONAL_ID =
      Pattern.compile(BEFORE + "[0-9]{3}" + SEPARATOR + "[0-9]{6}" + SEPARATOR + "[0-9]" + AFTER);

  /** Digits a mask keeps at the start of a phone number: the operator's or the city's code. */
  private static final int PHONE_DIGITS_KEPT = 4;

  private PersonalValues() {}

  /** A text with its personal values masked, and how many there were. */
  public record Masked(String text, int count) {}

  /** Whether the text holds a national id or a phone number anywhere. */
  public static boolean containsAny(String text) {
    return text != null && mask(text).count() > 0;
  }

  /** The text with every national id and phone number in it masked ({@code ۰۹۱۲*******}). */
  public static Masked mask(String text) {
    if (text == null || !hasEnoughDigits(text)) {
      return new Masked(text, 0);
    }
    // Matching runs on ASCII digits; every digit is one char in any script, so positions in the
    // ASCII copy are positions in the text, and the text keeps its own digits where they stay.
    String ascii = asciiDigits(text);
    char[] out = text.toCharArray();
    boolean[] masked = new boolean[out.length];
    int count = 0;
    count += maskAll(MOBILE.matcher(ascii), out, masked, PHONE_DIGITS_KEPT, false);
    count += maskAll(LANDLINE.matcher(ascii), out, masked, PHONE_DIGITS_KEPT, false);
    count += maskAll(NATIONAL_ID.matcher(ascii), out, masked, 0, true);
    return new Masked(count == 0 ? text : new String(out), count);
  }

  /** The text with every personal value masked; null stays null. */
  public static String masked(String text) {
    return mask(text).text();
  }

  private static int maskAll(
      Matcher matcher, char[] out, boolean[] masked, int digitsKept, boolean nationalId) {
    int count = 0;
    while (matcher.find()) {
      if (masked[matcher.start()] || (nationalId && !isNationalId(matcher.group()))) {
        continue;
      }
      int digitsSeen = 0;
      for (int i = matcher.start(); i < matcher.end(); i++) {
        masked[i] = true;
        if (isDigit(out[i]) && digitsSeen++ >= digitsKept) {
          out[i] = MASK;
        }
      }
      count++;
    }
    return count;
  }

  /** Ten digits whose check digit is right, and not one digit ten times (never issued). */
  static boolean isNationalId(String candidate) {
    String digits = candidate.replaceAll("[^0-9]", "");
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
    for (int i = 0; i < text.length() && digits < 9; i++) {
      if (isDigit(text.charAt(i))) {
        digits++;
      }
    }
    return digits >= 9;
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9')
        || (c >= '\u06F0' && c <= '\u06F9')
        || (c >= '\u0660' && c <= '\u0669');
  }

  private static String asciiDigits(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\u06F0' && c <= '\u06F9') {
        chars[i] = (char) ('0' + (c - '\u06F0'));
      } else if (c >= '\u0660' && c <= '\u0669') {
        chars[i] = (char) ('0' + (c - '\u0660'));
      }
    }
    return new String(chars);
  }
}
