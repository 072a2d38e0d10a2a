package org.tashil.aggregate.marts;

import java.util.Locale;

/**
 * The reference of every mart's columns for {@code docs/indicators.md}, generated from the declared
 * lists so that the doc cannot drift from the code (a test compares them).
 */
public final class MartReference {

  /** The comment lines that enclose the generated block in the doc. */
  public static final String BEGIN = "<!-- mart columns: generated from Mart, do not edit -->";

  public static final String END = "<!-- end of mart columns -->";

  private MartReference() {}

  /** One section per mart, each a table of its columns: name, type, meaning. */
  public static String markdown() {
    StringBuilder text = new StringBuilder();
    for (Mart mart : Mart.values()) {
      text.append("\n### `").append(mart.martName()).append("`\n");
      text.append("| column | type | meaning |\n|---|---|---|\n");
      for (MartColumn column : mart.columns()) {
        text.append("| `")
            .append(column.name())
            .append("` | ")
            .append(column.type().simpleString().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(column.meaning())
            .append(" |\n");
      }
    }
    return text.toString();
  }

  /**
   * {@code doc} with the text between {@link #BEGIN} and {@link #END} replaced by the reference.
   */
  public static String regenerated(String doc) {
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "the doc has no block between " + BEGIN + " and " + END + " to generate");
    }
    return doc.substring(0, begin + BEGIN.length()) + "\n" + markdown() + "\n" + doc.substring(end);
  }
}
