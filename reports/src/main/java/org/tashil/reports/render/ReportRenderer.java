package org.tashil.reports.render;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.tashil.reports.model.AgencyReport;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.OfficeReport;
import org.tashil.reports.model.ProvinceReport;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.SettlementReport;
import org.tashil.reports.view.AgencyView;
import org.tashil.reports.view.OfficeView;
import org.tashil.reports.view.ProvinceView;
import org.tashil.reports.view.SettlementView;

/**
 * Fills the templates with a report's values and exports PDFs. Thread-safe: one renderer (its
 * compiled templates loaded once) serves every report of a period, in parallel.
 */
public final class ReportRenderer {

  private final Templates templates;
  private final JasperReportsContext context;

  public ReportRenderer(Templates templates) {
    this(templates, ReportsContext.create());
  }

  /** A renderer with other JasperReports settings than Tashil's ({@link ReportsContext}). */
  ReportRenderer(Templates templates, JasperReportsContext context) {
    this.templates = templates;
    this.context = context;
  }

  /** A renderer over the templates compiled at build time. */
  public static ReportRenderer withCompiledTemplates() {
    return new ReportRenderer(Templates.load());
  }

  public JasperPrint fill(SettlementReport report, RenderContext renderContext) {
    return fill(
        Templates.SETTLEMENT,
        renderContext.language(),
        SettlementView.parameters(report, renderContext));
  }

  public JasperPrint fill(ProvinceReport report, RenderContext renderContext) {
    return fill(
        Templates.PROVINCE,
        renderContext.language(),
        ProvinceView.parameters(report, renderContext));
  }

  public JasperPrint fill(AgencyReport report, RenderContext renderContext) {
    return fill(
        Templates.AGENCY, renderContext.language(), AgencyView.parameters(report, renderContext));
  }

  public JasperPrint fill(OfficeReport report, RenderContext renderContext) {
    return fill(
        Templates.OFFICE, renderContext.language(), OfficeView.parameters(report, renderContext));
  }

  private JasperPrint fill(String template, Language language, Map<String, Object> parameters) {
    parameters.putAll(templates.sharedParameters(language));
    try {
      return JasperFillManager.getInstance(context)
          .fill(templates.report(template, language), parameters, new JREmptyDataSource(1));
    } catch (JRException e) {
      throw new ReportException("cannot fill the " + template + " report", e);
    }
  }

  /** The settlement's PDF. */
  public byte[] pdf(SettlementReport report, RenderContext renderContext) {
    return pdf(fill(report, renderContext), Metadata.settlement(report, renderContext));
  }

  /** The office's PDF. */
  public byte[] pdf(OfficeReport report, RenderContext renderContext) {
    return pdf(fill(report, renderContext), Metadata.office(report, renderContext));
  }

  /** The province's PDF. */
  public byte[] pdf(ProvinceReport report, RenderContext renderContext) {
    return pdf(fill(report, renderContext), Metadata.province(renderContext));
  }

  /** The agency's PDF. */
  public byte[] pdf(AgencyReport report, RenderContext renderContext) {
    return pdf(fill(report, renderContext), Metadata.agency(report, renderContext));
  }

  byte[] pdf(JasperPrint print, PdfMetadata metadata) {
    SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
    configuration.setMetadataTitle(metadata.title());
    configuration.setMetadataSubject(metadata.subject());
    configuration.setMetadataKeywords(metadata.keywords());
    configuration.setMetadataAuthor("Tashil");
    configuration.setMetadataCreator("Tashil reports (JasperReports)");
    configuration.setCompressed(true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    JRPdfExporter exporter = new JRPdfExporter(context);
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(bytes));
    exporter.setConfiguration(configuration);
    try {
      exporter.exportReport();
    } catch (JRException e) {
      throw new ReportException("cannot export " + print.getName() + " to PDF", e);
    }
    return bytes.toByteArray();
  }
}
