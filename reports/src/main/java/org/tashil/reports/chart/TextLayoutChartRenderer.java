package org.tashil.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import net.sf.jasperreports.charts.util.ChartHyperlinkProvider;
import net.sf.jasperreports.charts.util.ChartUtil;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintImageAreaHyperlink;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.AreaHyperlinksRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.jfree.chart.JFreeChart;

/**
 * Draws a chart as vector graphics, like JasperReports' own {@code draw} renderer, but through
 * {@link TextLayoutGraphics}, so that Persian titles, labels and legends are shaped and ordered
 * right to left.
 */
final class TextLayoutChartRenderer extends AbstractRenderer
    implements AreaHyperlinksRenderable, Graphics2DRenderable {

  private static final long serialVersionUID = 1L;

  private final JFreeChart chart;
  private final ChartHyperlinkProvider hyperlinks;

  TextLayoutChartRenderer(JFreeChart chart, ChartHyperlinkProvider hyperlinks) {
    this.chart = chart;
    this.hyperlinks = hyperlinks;
  }

  @Override
  public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
    if (chart != null) {
      TextLayoutGraphics textLayoutGraphics = new TextLayoutGraphics(graphics);
      chart.draw(textLayoutGraphics, area);
    }
  }

  @Override
  public List<JRPrintImageAreaHyperlink> getImageAreaHyperlinks(Rectangle2D area)
      throws JRException {
    return ChartUtil.getImageAreaHyperlinks(chart, hyperlinks, null, area);
  }

  @Override
  public boolean hasImageAreaHyperlinks() {
    return hyperlinks != null && hyperlinks.hasHyperlinks();
  }
}
