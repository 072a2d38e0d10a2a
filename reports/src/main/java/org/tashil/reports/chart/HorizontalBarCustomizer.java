package org.tashil.reports.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;

/**
 * Horizontal bars with the category names beside them and each bar's value as a label (the
 * dataset's label: a percentage, or {@code *} for a suppressed share). In Persian the names stand
 * on the right and the bars grow leftwards.
 */
abstract class HorizontalBarCustomizer extends ReportChartCustomizer {

  /** The series' colours, in series order. */
  abstract Paint[] seriesPaints();

  @Override
  final void customize(JFreeChart chart, CategoryPlot plot, boolean rightToLeft) {
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
    plot.getDomainAxis().setCategoryMargin(0.25);
    plot.getDomainAxis().setLowerMargin(0.02);
    plot.getDomainAxis().setUpperMargin(0.02);
    plot.getRangeAxis().setUpperMargin(0.18);
    if (rightToLeft) {
      plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
      plot.getRangeAxis().setInverted(true);
    } else {
      plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    }
    if (plot.getRenderer() instanceof BarRenderer bars) {
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setDrawBarOutline(false);
      bars.setItemMargin(0.05);
      bars.setMaximumBarWidth(0.08);
      Paint[] paints = seriesPaints();
      for (int series = 0; series < paints.length; series++) {
        bars.setSeriesPaint(series, paints[series]);
      }
      bars.setDefaultItemLabelsVisible(true);
      bars.setDefaultItemLabelFont(ChartFonts.regular(LABEL_SIZE));
      bars.setDefaultItemLabelPaint(Color.DARK_GRAY);
      ItemLabelPosition outside =
          rightToLeft
              ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT)
              : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
      bars.setDefaultPositiveItemLabelPosition(outside);
      bars.setPositiveItemLabelPositionFallback(outside);
    }
  }
}
