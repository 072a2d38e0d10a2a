package org.tashil.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * The twelve-month trend: new, resolved and open demands as lines with points.
 *
 * <p>Time runs in the page's reading direction: in Persian the earliest month stands at the right
 * and the latest at the left, with the value axis on the right where reading starts; in English
 * left to right, the axis on the left. The chart draws its months in the order the points come (the
 * view puts them in that order, latest first in Persian). A month without a file has null values:
 * its lines break there, and the view marks it on the axis. The months whose points carry a label
 * (the latest) show their values: the highest above its point, the lowest below, the one between
 * beside it, so that close values do not cover one another.
 */
public class TrendCustomizer extends ReportChartCustomizer {

  @Override
  double headroom() {
    return 0.2;
  }

  /** The series' colours, in the order of the dataset's series: new, resolved, open. */
  java.awt.Paint[] paints() {
    return new java.awt.Paint[] {ChartPalette.NEW, ChartPalette.RESOLVED, ChartPalette.OPEN};
  }

  @Override
  void customize(
      JFreeChart chart, CategoryPlot plot, boolean rightToLeft, CategoryItemLabelGenerator labels) {
    CategoryAxis months = plot.getDomainAxis();
    months.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    // A month's name and year, wrapped where a long name needs it, then "no file" when it had none:
    // narrow enough that neighbours never touch ("Ordibehesht 05" wraps after the name).
    months.setMaximumCategoryLabelLines(3);
    months.setMaximumCategoryLabelWidthRatio(1.15f);
    months.setTickLabelFont(ChartFonts.regular(6.5f));
    // Room beside the latest month (left in Persian, right in English) for its values' labels.
    months.setLowerMargin(rightToLeft ? 0.04 : 0.015);
    months.setUpperMargin(rightToLeft ? 0.015 : 0.04);
    plot.setRangeAxisLocation(
        rightToLeft ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.BOTTOM_OR_LEFT);
    if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
      java.awt.Paint[] paints = paints();
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
        placeLabels(lines, plot.getDataset(), labels, rightToLeft);
      }
    }
  }

  /**
   * Places each series' label around its point in the labelled month: above for the highest value,
   * below for the lowest, beside (outwards, away from the other months) for any between.
   */
  static void placeLabels(
      LineAndShapeRenderer lines,
      CategoryDataset data,
      CategoryItemLabelGenerator labels,
      boolean rightToLeft) {
    int column = labelledColumn(data, labels);
    if (column < 0) {
      return;
    }
    List<Integer> series = new ArrayList<>();
    for (int row = 0; row < data.getRowCount(); row++) {
      if (data.getValue(row, column) != null) {
        series.add(row);
      }
    }
    series.sort(
        Comparator.comparingDouble(
            (Integer row) -> data.getValue(row.intValue(), column).doubleValue()));
    ItemLabelPosition above =
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
    ItemLabelPosition below =
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER);
    ItemLabelPosition beside =
        rightToLeft
            ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT)
            : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
    for (int i = 0; i < series.size(); i++) {
      ItemLabelPosition position =
          i == series.size() - 1 ? above : i == 0 && series.size() > 1 ? below : beside;
      lines.setSeriesPositiveItemLabelPosition(series.get(i), position);
    }
  }

  /** The first month whose points carry a label, or -1. */
  static int labelledColumn(CategoryDataset data, CategoryItemLabelGenerator labels) {
    for (int column = 0; column < data.getColumnCount(); column++) {
      for (int row = 0; row < data.getRowCount(); row++) {
        String label = labels.generateLabel(data, row, column);
        if (label != null && !label.isEmpty()) {
          return column;
        }
      }
    }
    return -1;
  }
}
