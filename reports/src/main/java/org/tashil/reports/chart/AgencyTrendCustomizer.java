package org.tashil.reports.chart;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.Locale;
import net.sf.jasperreports.engine.JRParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * An agency's twelve-month trend: its open and overdue demands at each month's end, as lines with
 * points, the last month's values printed beside its points. Time runs left to right in both
 * languages, as in the settlement trend.
 */
public final class AgencyTrendCustomizer extends ReportChartCustomizer {

  @Override
  void customize(JFreeChart chart, CategoryPlot plot, boolean rightToLeft) {
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.4f);
    plot.getDomainAxis().setTickLabelFont(ChartFonts.regular(7f));
    plot.getDomainAxis().setLowerMargin(0.02);
    // Room on the right for the last month's labels.
    plot.getDomainAxis().setUpperMargin(0.08);
    if (plot.getRangeAxis() instanceof NumberAxis values) {
      // From zero to above the highest point, with room for its label.
      values.setAutoRangeIncludesZero(true);
      values.setUpperMargin(0.18);
      values.setAutoRange(true);
    }
    if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
      Paint[] paints = {ChartPalette.OPEN, ChartPalette.OVERDUE};
      for (int series = 0; series < paints.length; series++) {
        lines.setSeriesPaint(series, paints[series]);
        lines.setSeriesStroke(series, new BasicStroke(1.6f));
        lines.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        lines.setSeriesShapesVisible(series, true);
      }
      lines.setDefaultItemLabelGenerator(new LastMonthLabels(locale()));
      lines.setDefaultItemLabelsVisible(true);
      lines.setDefaultItemLabelFont(ChartFonts.bold(LABEL_SIZE + 0.5f));
      lines.setSeriesItemLabelPaint(0, ChartPalette.OPEN);
      lines.setSeriesItemLabelPaint(1, ChartPalette.OVERDUE);
      // Open above its point, overdue (never higher) to the right of its own: apart even when
      // the two are close.
      lines.setSeriesPositiveItemLabelPosition(
          0, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
      lines.setSeriesPositiveItemLabelPosition(
          1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    }
  }

  private Locale locale() {
    Locale locale = (Locale) getParameterValue(JRParameter.REPORT_LOCALE);
    return locale == null ? Locale.ENGLISH : locale;
  }

  /** The value of each series' point in the last month, in the report's digits; no other label. */
  private static final class LastMonthLabels implements CategoryItemLabelGenerator {

    private final NumberFormat format;

    LastMonthLabels(Locale locale) {
      this.format = NumberFormat.getIntegerInstance(locale);
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return dataset.getColumnKey(column).toString();
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      Number value = dataset.getValue(row, column);
      if (column != dataset.getColumnCount() - 1 || value == null) {
        return null;
      }
      return format.format(value);
    }
  }
}
