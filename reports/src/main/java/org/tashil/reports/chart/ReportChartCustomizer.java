package org.tashil.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.fill.JRFillCategoryDataset;
import net.sf.jasperreports.engine.JRParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;

/**
 * What every chart of the reports shares: Vazirmatn everywhere, the report's digits on the value
 * axis (Persian in fa), a light grid, the legend below. Subclasses add what their chart needs.
 */
abstract class ReportChartCustomizer extends JRAbstractChartCustomizer {

  static final float TICK_SIZE = 7.5f;
  static final float LABEL_SIZE = 6.5f;

  @Override
  public final void customize(JFreeChart chart, JRChart jasperChart) {
    Locale locale = (Locale) getParameterValue(JRParameter.REPORT_LOCALE);
    if (locale == null) {
      locale = Locale.ENGLISH;
    }
    boolean rightToLeft = "fa".equals(locale.getLanguage());
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(2, 2, 2, 2));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(ChartFonts.regular(8f));
      legend.setItemPaint(ChartPalette.TEXT);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    if (chart.getPlot() instanceof CategoryPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setOutlineVisible(false);
      plot.setRangeGridlinePaint(ChartPalette.GRID);
      plot.setRangeGridlineStroke(new BasicStroke(0.5f));
      plot.setDomainGridlinesVisible(false);
      CategoryAxis categories = plot.getDomainAxis();
      categories.setTickLabelFont(ChartFonts.regular(TICK_SIZE));
      categories.setTickLabelPaint(ChartPalette.TEXT);
      categories.setLabelFont(ChartFonts.regular(8f));
      categories.setAxisLineVisible(false);
      categories.setTickMarksVisible(false);
      if (plot.getRangeAxis() instanceof NumberAxis values) {
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        values.setTickLabelFont(ChartFonts.regular(TICK_SIZE));
        values.setTickLabelPaint(ChartPalette.TEXT);
        values.setLabelFont(ChartFonts.regular(8f));
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);
      }
      customize(chart, plot, rightToLeft, labels(jasperChart));
      coverValues(plot, headroom());
    }
  }

  /**
   * The chart's own settings; {@code rightToLeft} when the report is in Persian; {@code labels} the
   * dataset's labels by series and category (null when the chart has none).
   */
  abstract void customize(
      JFreeChart chart, CategoryPlot plot, boolean rightToLeft, CategoryItemLabelGenerator labels);

  /** Room above the largest value, as a share of it, for the labels drawn beyond a point. */
  abstract double headroom();

  /** The dataset's labels (the template's label expression), if the chart has any. */
  static CategoryItemLabelGenerator labels(JRChart jasperChart) {
    if (jasperChart != null
        && jasperChart.getDataset() instanceof JRFillCategoryDataset dataset
        && dataset.getLabelGenerator() instanceof CategoryItemLabelGenerator labels) {
      return labels;
    }
    return null;
  }

  /**
   * The value axis from 0 to the largest value plus {@code headroom} of it, so that no point, bar
   * or label is ever cut off (null values, a month without a file, are left out); 0 to 1 when there
   * is no positive value.
   */
  static void coverValues(CategoryPlot plot, double headroom) {
    double largest = 0;
    CategoryDataset data = plot.getDataset();
    if (data != null) {
      for (int row = 0; row < data.getRowCount(); row++) {
        for (int column = 0; column < data.getColumnCount(); column++) {
          Number value = data.getValue(row, column);
          if (value != null && value.doubleValue() > largest) {
            largest = value.doubleValue();
          }
        }
      }
    }
    double upper = largest > 0 ? largest * (1 + headroom) : 1;
    plot.getRangeAxis().setRange(0, upper);
  }
}
