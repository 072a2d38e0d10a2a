package org.tashil.reports.chart;

import java.awt.Paint;

/** Settlement beside province (the ten deprivations): two series, dark and light. */
public final class ComparisonBarCustomizer extends HorizontalBarCustomizer {

  @Override
  Paint[] seriesPaints() {
    return new Paint[] {ChartPalette.SETTLEMENT, ChartPalette.PROVINCE};
  }
}
