package org.tashil.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** The charts' axes cover their data, and their labels never cover one another. */
class TestChartCustomizers {

  private static CategoryPlot plot(DefaultCategoryDataset data, PlotOrientation orientation) {
    JFreeChart chart =
        orientation == PlotOrientation.VERTICAL
            ? ChartFactory.createLineChart(null, null, null, data)
            : ChartFactory.createBarChart(null, null, null, data, orientation, true, false, false);
    return chart.getCategoryPlot();
  }

  @Test
  void theValueAxisCoversTheLargestValueWithRoomForItsLabel() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(120, "open", "Mehr 05");
    data.addValue(null, "open", "Aban 05");
    data.addValue(30, "new", "Aban 05");
    CategoryPlot plot = plot(data, PlotOrientation.VERTICAL);
    new TrendCustomizer().customize(plot.getChart(), plot, false, null);
    ReportChartCustomizer.coverValues(plot, 0.2);
    assertThat(plot.getRangeAxis().getLowerBound()).isZero();
    assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(120 * 1.2);
  }

  @Test
  void aChartWithoutValuesStillHasAnAxis() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(null, "open", "Aban 05");
    CategoryPlot plot = plot(data, PlotOrientation.VERTICAL);
    ReportChartCustomizer.coverValues(plot, 0.2);
    assertThat(plot.getRangeAxis().getRange().getLength()).isPositive();
  }

  @Test
  void theLatestMonthsLabelsGoAboveBetweenAndBelow() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(60, "new", "Mehr 05");
    data.addValue(27, "resolved", "Mehr 05");
    data.addValue(120, "open", "Mehr 05");
    data.addValue(61, "new", "Aban 05");
    data.addValue(28, "resolved", "Aban 05");
    data.addValue(121, "open", "Aban 05");
    StandardCategoryItemLabelGenerator labels =
        new StandardCategoryItemLabelGenerator() {
          @Override
          public String generateLabel(
              org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            return column == 1 ? super.generateLabel(dataset, row, column) : "";
          }
        };
    CategoryPlot plot = plot(data, PlotOrientation.VERTICAL);
    LineAndShapeRenderer lines = (LineAndShapeRenderer) plot.getRenderer();
    TrendCustomizer.placeLabels(lines, data, labels, false);
    assertThat(TrendCustomizer.labelledColumn(data, labels)).isEqualTo(1);
    assertThat(lines.getSeriesPositiveItemLabelPosition(2).getItemLabelAnchor())
        .isEqualTo(ItemLabelAnchor.OUTSIDE12);
    assertThat(lines.getSeriesPositiveItemLabelPosition(1).getItemLabelAnchor())
        .isEqualTo(ItemLabelAnchor.OUTSIDE6);
    assertThat(lines.getSeriesPositiveItemLabelPosition(0).getItemLabelAnchor())
        .isEqualTo(ItemLabelAnchor.OUTSIDE3);
  }

  @Test
  void barLabelsNeverCoverOneAnother() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int category = 0; category < 9; category++) {
      for (String series : List.of("new", "resolved", "open")) {
        data.addValue(5 + category % 2, series, "category " + category);
      }
    }
    CategoryPlot plot = plot(data, PlotOrientation.HORIZONTAL);
    new DemandBarCustomizer()
        .customize(plot.getChart(), plot, false, new StandardCategoryItemLabelGenerator());
    BufferedImage image = new BufferedImage(277, 184, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    plot.getChart().draw(graphics, new Rectangle2D.Double(0, 0, 277, 184));
    graphics.dispose();
    List<Rectangle2D> drawn = ((UncrowdedBarRenderer) plot.getRenderer()).drawnLabels();
    assertThat(drawn).isNotEmpty().hasSizeLessThan(27);
    for (int i = 0; i < drawn.size(); i++) {
      for (int j = i + 1; j < drawn.size(); j++) {
        assertThat(drawn.get(i).intersects(drawn.get(j))).as("labels %d and %d", i, j).isFalse();
      }
    }
  }
}
