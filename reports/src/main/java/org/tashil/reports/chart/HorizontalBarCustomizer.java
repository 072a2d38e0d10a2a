package org.tashil.reports.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * Horizontal bars with the category names beside them and each bar's value as a label (the
 * dataset's label: a percentage, or {@code *} for a suppressed share). In Persian the names stand
 * on the right and the bars grow leftwards.
 */
abstract class HorizontalBarCustomizer extends ReportChartCustomizer {

  /** The series' colours, in series order. */
  abstract Paint[] seriesPaints();

  /** Room for the value label beyond the longest bar. */
  @Override
  final double headroom() {
    return 0.2;
  }

  @Override
  final void customize(
      JFreeChart chart, CategoryPlot plot, boolean rightToLeft, CategoryItemLabelGenerator labels) {
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
    plot.getDomainAxis().setCategoryMargin(0.18);
    plot.getDomainAxis().setLowerMargin(0.02);
    plot.getDomainAxis().setUpperMargin(0.02);
    if (rightToLeft) {
      plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      plot.getRangeAxis().setInverted(true);
    } else {
      plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    }
    // The bars Jasper made, replaced by ones whose labels never cover one another.
    UncrowdedBarRenderer bars = new UncrowdedBarRenderer(rightToLeft);
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setItemMargin(0.05);
    bars.setMaximumBarWidth(0.08);
    Paint[] paints = seriesPaints();
    for (int series = 0; series < paints.length; series++) {
      bars.setSeriesPaint(series, paints[series]);
    }
    if (labels != null) {
      bars.setDefaultItemLabelGenerator(labels);
      bars.setDefaultItemLabelsVisible(true);
    }
    bars.setDefaultItemLabelFont(ChartFonts.regular(LABEL_SIZE));
    bars.setDefaultItemLabelPaint(Color.DARK_GRAY);
    plot.setRenderer(bars);
  }
}
