package org.tashil.reports.render;

import net.sf.jasperreports.charts.util.ChartRenderableFactory;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.util.JRTextMeasurerUtil;
import org.tashil.reports.chart.TextLayoutChartRendererFactory;

/**
 * The JasperReports settings of Tashil's reports, kept in their own context rather than in a global
 * {@code jasperreports.properties}: charts draw through the text-layout renderer (Persian labels
 * shaped, vector), a font name that is not registered fails the fill instead of falling back
 * silently, and each text field remembers what it measured ({@link
 * RememberingTextMeasurerFactory}).
 */
final class ReportsContext {

  static final String CHART_RENDER_TYPE = "net.sf.jasperreports.chart.render.type";
  static final String IGNORE_MISSING_FONT = "net.sf.jasperreports.awt.ignore.missing.font";

  private ReportsContext() {}

  static JasperReportsContext create() {
    SimpleJasperReportsContext context =
        new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
    context.setProperty(
        ChartRenderableFactory.PROPERTY_CHART_RENDERER_FACTORY_PREFIX
            + TextLayoutChartRendererFactory.RENDER_TYPE,
        TextLayoutChartRendererFactory.class.getName());
    context.setProperty(CHART_RENDER_TYPE, TextLayoutChartRendererFactory.RENDER_TYPE);
    context.setProperty(IGNORE_MISSING_FONT, "false");
    context.setProperty(
        JRTextMeasurerUtil.PROPERTY_TEXT_MEASURER_FACTORY,
        RememberingTextMeasurerFactory.class.getName());
    return context;
  }
}
