package org.tashil.reports.chart;

import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.charts.util.AbstractChartRenderableFactory;
import net.sf.jasperreports.charts.util.ChartHyperlinkProvider;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Renderable;
import org.jfree.chart.JFreeChart;

/**
 * The chart render type {@value #RENDER_TYPE}: vector charts whose text goes through {@code
 * TextLayout}. Registered as {@code net.sf.jasperreports.chart.renderer.factory.textlayout} and
 * made the default render type by the reports' JasperReports context.
 */
public final class TextLayoutChartRendererFactory extends AbstractChartRenderableFactory {

  public static final String RENDER_TYPE = "textlayout";

  @Override
  public Renderable getRenderable(
      JasperReportsContext context,
      JFreeChart chart,
      ChartHyperlinkProvider hyperlinks,
      Rectangle2D area) {
    return new TextLayoutChartRenderer(chart, hyperlinks);
  }
}
