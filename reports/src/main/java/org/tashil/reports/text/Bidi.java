package org.tashil.reports.text;

/**
 * JasperReports 7 takes a paragraph's direction from its first strong character. Persian text that
 * starts with a Latin word or a digit ("AHV-001 حصیرآباد", "۱۴ ردیف") would be laid out left to
 * right; a right-to-left mark (U+200F) in front makes it a right-to-left paragraph.
 */
public final class Bidi {

  public static final char RIGHT_TO_LEFT_MARK = '\u200F';

  private Bidi() {}

  /** The text, with U+200F in front when it starts with a left-to-right word or a digit. */
  public static String rightToLeft(String text) {
    if (text == null || text.isEmpty() || text.charAt(0) == RIGHT_TO_LEFT_MARK) {
      return text;
    }
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      byte direction = Character.getDirectionality(codePoint);
      switch (direction) {
        case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
          return text;
        case Character.DIRECTIONALITY_LEFT_TO_RIGHT,
        Character.DIRECTIONALITY_EUROPEAN_NUMBER,
        Character.DIRECTIONALITY_ARABIC_NUMBER:
          return RIGHT_TO_LEFT_MARK + text;
        default:
          i += Character.charCount(codePoint);
      }
    }
    return text;
  }
}
