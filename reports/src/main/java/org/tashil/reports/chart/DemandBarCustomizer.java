package org.tashil.reports.chart;

import java.awt.Paint;

/** Demands by category: new, resolved and open, in the demand colours. */
public final class DemandBarCustomizer extends HorizontalBarCustomizer {

  @Override
  Paint[] seriesPaints() {
    return new Paint[] {ChartPalette.NEW, ChartPalette.RESOLVED, ChartPalette.OPEN};
  }
}
