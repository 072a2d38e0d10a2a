package org.tashil.reports.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Vazirmatn as AWT fonts for the charts, read once from the same TTF files the font extension
 * embeds in the PDF (nothing depends on fonts installed on the machine).
 */
final class ChartFonts {

  static final String FOLDER = "/org/tashil/reports/fonts/";

  private static final Font REGULAR = load("Vazirmatn-Regular.ttf");
  private static final Font BOLD = load("Vazirmatn-Bold.ttf");

  private ChartFonts() {}

  static Font regular(float size) {
    return REGULAR.deriveFont(Font.PLAIN, size);
  }

  static Font bold(float size) {
    return BOLD.deriveFont(Font.PLAIN, size);
  }

  private static Font load(String file) {
    try (InputStream in = ChartFonts.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the font " + FOLDER + file + " is not on the classpath: build the reports module");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("cannot read the font " + file, e);
    }
  }
}
