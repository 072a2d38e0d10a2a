package org.tashil.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

/**
 * Horizontal bars, each with its value as a label just beyond the bar's end (rightwards, or
 * leftwards when the bars grow to the left in Persian), on white, where no label ever covers
 * another: a label that would overlap one already drawn is left out. Thin bars of close values
 * would otherwise stack their labels into an unreadable block; the table beside each chart holds
 * every value.
 */
final class UncrowdedBarRenderer extends BarRenderer {

  private static final long serialVersionUID = 1L;

  /** Space between a bar's end and its label, in points. */
  private static final double GAP = 2;

  /** Space kept clear above and below a label's ink, in points. */
  private static final double PADDING = 0.5;

  private final boolean leftwards;
  private final transient List<Rectangle2D> drawn = new ArrayList<>();

  /**
   * @param leftwards whether the bars grow to the left (the value axis inverted, in Persian)
   */
  UncrowdedBarRenderer(boolean leftwards) {
    this.leftwards = leftwards;
  }

  @Override
  public CategoryItemRendererState initialise(
      Graphics2D g2,
      Rectangle2D dataArea,
      CategoryPlot plot,
      int rendererIndex,
      PlotRenderingInfo info) {
    drawn.clear();
    return super.initialise(g2, dataArea, plot, rendererIndex, info);
  }

  @Override
  protected void drawItemLabel(
      Graphics2D g2,
      CategoryDataset data,
      int row,
      int column,
      CategoryPlot plot,
      CategoryItemLabelGenerator generator,
      Rectangle2D bar,
      boolean negative) {
    String label = generator == null ? null : generator.generateLabel(data, row, column);
    if (label == null || label.isEmpty()) {
      return;
    }
    Font font = getItemLabelFont(row, column);
    // The label's ink, centred on the bar: the font's line height (Vazirmatn's is tall) would
    // place digits off centre and make neighbours seem to collide when their ink does not.
    TextLayout layout = new TextLayout(label, font, g2.getFontRenderContext());
    Rectangle2D ink = layout.getBounds();
    double width = layout.getAdvance();
    double x = leftwards ? bar.getMinX() - GAP - width : bar.getMaxX() + GAP;
    double baseline = bar.getCenterY() - ink.getY() - ink.getHeight() / 2;
    Rectangle2D bounds =
        new Rectangle2D.Double(
            x, baseline + ink.getY() - PADDING, width, ink.getHeight() + 2 * PADDING);
    if (overlapsDrawn(bounds)) {
      return;
    }
    drawn.add(bounds);
    // On white, so that a neighbouring longer bar passing behind the label does not blur it.
    g2.setPaint(Color.WHITE);
    g2.fill(bounds);
    g2.setFont(font);
    g2.setPaint(getItemLabelPaint(row, column));
    g2.drawString(label, (float) x, (float) baseline);
  }

  /** Where the labels of the last drawing went (tests). */
  List<Rectangle2D> drawnLabels() {
    return List.copyOf(drawn);
  }

  /** Whether a label placed at {@code bounds} would cover one already drawn. */
  boolean overlapsDrawn(Rectangle2D bounds) {
    return drawn.stream().anyMatch(bounds::intersects);
  }
}
