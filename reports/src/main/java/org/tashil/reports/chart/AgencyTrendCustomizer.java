package org.tashil.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;

/**
 * An agency's twelve-month trend: its open and overdue demands at each month's end, as lines with
 * points, the latest month's values printed beside its points. Time runs as in the settlement trend
 * ({@link TrendCustomizer}): in the page's reading direction, the latest month at the left in
 * Persian.
 */
public final class AgencyTrendCustomizer extends ReportChartCustomizer {

  @Override
  double headroom() {
    return 0.2;
  }

  @Override
  void customize(
      JFreeChart chart, CategoryPlot plot, boolean rightToLeft, CategoryItemLabelGenerator labels) {
    CategoryAxis months = plot.getDomainAxis();
    months.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    months.setMaximumCategoryLabelLines(2);
    months.setMaximumCategoryLabelWidthRatio(1.4f);
    months.setTickLabelFont(ChartFonts.regular(7f));
    // Room beside the latest month (left in Persian, right in English) for its values' labels.
    months.setLowerMargin(rightToLeft ? 0.08 : 0.02);
    months.setUpperMargin(rightToLeft ? 0.02 : 0.08);
    plot.setRangeAxisLocation(
        rightToLeft ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.BOTTOM_OR_LEFT);
    if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
      Paint[] paints = {ChartPalette.OPEN, ChartPalette.OVERDUE};
      for (int series = 0; series < paints.length; series++) {
        lines.setSeriesPaint(series, paints[series]);
        lines.setSeriesStroke(series, new BasicStroke(1.6f));
        lines.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        lines.setSeriesShapesVisible(series, true);
      }
      if (labels != null) {
        lines.setDefaultItemLabelGenerator(labels);
        lines.setDefaultItemLabelsVisible(true);
        lines.setDefaultItemLabelFont(ChartFonts.bold(LABEL_SIZE + 0.5f));
        lines.setDefaultItemLabelPaint(Color.DARK_GRAY);
        TrendCustomizer.placeLabels(lines, plot.getDataset(), labels, rightToLeft);
      }
    }
  }
}
