package org.tashil.reports.chart;

import java.awt.Color;

/** The reports' chart colours, one place. */
final class ChartPalette {

  static final Color SETTLEMENT = new Color(0x1B, 0x6F, 0x8A);
  static final Color PROVINCE = new Color(0xA9, 0xB4, 0xBF);
  static final Color NEW = new Color(0x2F, 0x6D, 0xB5);
  static final Color RESOLVED = new Color(0x3A, 0x9D, 0x5D);
  static final Color OPEN = new Color(0xE0, 0x7B, 0x39);
  static final Color OVERDUE = new Color(0xB0, 0x00, 0x20);
  static final Color GRID = new Color(0xDD, 0xE2, 0xE7);
  static final Color TEXT = new Color(0x33, 0x3D, 0x47);

  private ChartPalette() {}
}
