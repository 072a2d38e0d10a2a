package org.tashil.reports.render;

import java.text.AttributedCharacterIterator.Attribute;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRMeasuredText;
import net.sf.jasperreports.engine.fill.JRTextMeasurer;
import net.sf.jasperreports.engine.fill.TextMeasurer;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextMeasurerFactory;

/**
 * JasperReports' text measurer, remembering what it measured for each text field. A Persian text is
 * measured by shaping it (the Arabic script joins its letters), twice over, and the long tables
 * repeat the same few texts row after row: a category, a status, a date, a number of days. Here the
 * same text in the same field, size, style and room is measured once; measuring was about a third
 * of the render's processor time at national scale.
 *
 * <p>JasperReports asks for a new measurer whenever a field's height or width is set, which a
 * stretching table row does for every row; so what was measured is kept by field (weakly: a
 * report's fields go with its fill), not by measurer. What a measurement depends on is in the key:
 * the field's width and height, the text and its attributes (font, size, weight, language), the
 * field's style as evaluated for the row (a conditional style is another style object, with its own
 * padding and paragraph), where the text resumes and whether it may overflow. The height left below
 * the field is not in the key but beside the measurement ({@link Measured}): a text measured whole
 * is handed out again wherever at least that height is left. A measured text is not changed once
 * returned (each measurement makes a new one), so one can be handed out again.
 */
public final class RememberingTextMeasurerFactory implements JRTextMeasurerFactory {

  /** How many measurements a field remembers: its most recent distinct texts. */
  static final int REMEMBERED = 256;

  /**
   * What each field measured. A field is filled on one thread at a time, but fields of reports and
   * subreports filled side by side share the map.
   */
  private final Map<JRCommonText, Map<Key, Measured>> byField =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public JRTextMeasurer createMeasurer(JasperReportsContext context, JRCommonText field) {
    return new Remembering(context, field, byField.computeIfAbsent(field, any -> remembered()));
  }

  /** A field's measurer: what the field measured before, or JasperReports' measurer. */
  private static final class Remembering implements JRTextMeasurer {
    private final JasperReportsContext context;
    private final JRCommonText field;
    private final Map<Key, Measured> measured;

    /** Made at the first text not measured before. */
    private TextMeasurer measurer;

    Remembering(JasperReportsContext context, JRCommonText field, Map<Key, Measured> measured) {
      this.context = context;
      this.field = field;
      this.measured = measured;
    }

    @Override
    public JRMeasuredText measure(
        JRStyledText styledText,
        int remainingTextStart,
        int availableStretchHeight,
        boolean indentFirstLine,
        boolean canOverflow) {
      Key key =
          new Key(
              field.getWidth(),
              field.getHeight(),
              new StyleIdentity(field.getStyle()),
              styledText.getText(),
              copy(styledText.getGlobalAttributes()),
              styledText.getRuns().stream()
                  .map(run -> new RunKey(run.startIndex, run.endIndex, copy(run.attributes)))
                  .toList(),
              remainingTextStart,
              indentFirstLine,
              canOverflow);
      Measured before = measured.get(key);
      if (before != null && availableStretchHeight >= before.availableStretchHeight()) {
        return before.text();
      }
      if (measurer == null) {
        measurer = new TextMeasurer(context, field);
      }
      JRMeasuredText result =
          measurer.measure(
              styledText, remainingTextStart, availableStretchHeight, indentFirstLine, canOverflow);
      if (result.getTextOffset() >= styledText.getText().length()) {
        measured.put(key, new Measured(result, availableStretchHeight));
      }
      return result;
    }
  }

  /** A field's most recent measurements, by key. */
  private static Map<Key, Measured> remembered() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Measured> eldest) {
            return size() > REMEMBERED;
          }
        });
  }

  /**
   * The attributes as they are now: a key holds its own copy, as the styled text's maps may be
   * changed after it was measured (a font scaled to fit, say).
   */
  private static Map<Attribute, Object> copy(Map<Attribute, Object> attributes) {
    return attributes == null ? null : new HashMap<>(attributes);
  }

  /** A style by identity: the evaluated styles are kept and handed out again by the filler. */
  private record StyleIdentity(JRStyle style) {
    @Override
    public boolean equals(Object other) {
      return other instanceof StyleIdentity that && that.style == style;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(style);
    }
  }

  private record RunKey(int start, int end, Map<Attribute, Object> attributes) {}

  /**
   * A text measured whole with {@code availableStretchHeight} left below its field. Each line is
   * laid where it fits in the height left and the lines break by the width alone, so with as much
   * height left or more the same lines fit and the measurement is the same; with less, it may not
   * be. A text cut short is measured again each time.
   */
  private record Measured(JRMeasuredText text, int availableStretchHeight) {}

  private record Key(
      int width,
      int height,
      StyleIdentity style,
      String text,
      Map<Attribute, Object> attributes,
      List<RunKey> runs,
      int start,
      boolean indentFirstLine,
      boolean canOverflow) {}
}
