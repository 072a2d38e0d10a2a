package org.tashil.reports.chart;

import java.awt.Paint;

/**
 * An agency's twelve-month trend: its open and overdue demands at each month's end, drawn as the
 * settlement trend is ({@link TrendCustomizer}: in the page's reading direction, the latest month's
 * values labelled), in the colours of open and overdue.
 */
public final class AgencyTrendCustomizer extends TrendCustomizer {

  @Override
  Paint[] paints() {
    return new Paint[] {ChartPalette.OPEN, ChartPalette.OVERDUE};
  }
}
