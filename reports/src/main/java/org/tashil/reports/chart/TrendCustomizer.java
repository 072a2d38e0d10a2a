package org.tashil.reports.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;

/**
 * The twelve-month trend: new, resolved and open demands as lines with points. Time runs left to
 * right in both languages, like the numbers on its axis.
 */
public final class TrendCustomizer extends ReportChartCustomizer {

  @Override
  void customize(JFreeChart chart, CategoryPlot plot, boolean rightToLeft) {
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.25f);
    plot.getDomainAxis().setTickLabelFont(ChartFonts.regular(7f));
    plot.getDomainAxis().setLowerMargin(0.01);
    plot.getDomainAxis().setUpperMargin(0.01);
    plot.getRangeAxis().setUpperMargin(0.12);
    if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
      java.awt.Paint[] paints = {ChartPalette.NEW, ChartPalette.RESOLVED, ChartPalette.OPEN};
      for (int series = 0; series < paints.length; series++) {
        lines.setSeriesPaint(series, paints[series]);
        lines.setSeriesStroke(series, new BasicStroke(1.6f));
        lines.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        lines.setSeriesShapesVisible(series, true);
      }
    }
  }
}
