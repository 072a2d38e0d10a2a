package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.fill.JRMeasuredText;
import net.sf.jasperreports.engine.fill.JRTextMeasurer;
import net.sf.jasperreports.engine.fill.TextMeasurer;
import net.sf.jasperreports.engine.fill.TextMeasurerFactory;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextMeasurerUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;

/**
 * The reports filled with the text measurer that remembers ({@link RememberingTextMeasurerFactory})
 * are those JasperReports' own measurer fills: every page, every element in its order, place and
 * size, every text with where it was cut and how high it stands. The reports chosen run long tables
 * over many pages (the rows left on a page change the height a field has), with conditional styles
 * (overdue and urgent rows in bold), stretching cells and texts that wrap.
 */
class TestRememberingTextMeasurer {

  private static ReportRenderer remembering;
  private static ReportRenderer jasperReports;

  @BeforeAll
  static void renderers() {
    Templates templates = Templates.load();
    remembering = new ReportRenderer(templates);
    SimpleJasperReportsContext plain = new SimpleJasperReportsContext(ReportsContext.create());
    plain.setProperty(
        JRTextMeasurerUtil.PROPERTY_TEXT_MEASURER_FACTORY, TextMeasurerFactory.class.getName());
    jasperReports = new ReportRenderer(templates, plain);
  }

  @Test
  void aLongFollowUpListIsLaidOutAsJasperReportsMeasuresIt() {
    for (Language language : Language.values()) {
      RenderContext context = ReportFixtures.context(language);
      var agency = ReportFixtures.longAgency(1_500);
      assertSameLayout(renderer -> renderer.fill(agency, context), 20);
    }
  }

  @Test
  void theOtherReportsAreLaidOutAsJasperReportsMeasuresThem() {
    for (Language language : Language.values()) {
      RenderContext context = ReportFixtures.context(language);
      assertSameLayout(renderer -> renderer.fill(ReportFixtures.province(), context), 2);
      assertSameLayout(renderer -> renderer.fill(ReportFixtures.hasirabad(), context), 2);
      var office = ReportFixtures.officeWithManyRejectedRows(400);
      assertSameLayout(renderer -> renderer.fill(office, context), 5);
    }
  }

  /**
   * What the templates above do not reach: a text that wraps, measured with less height left below
   * its field than when it was measured whole, is cut as JasperReports cuts it; a field whose style
   * changes (padding, say) is measured again.
   */
  @Test
  void lessHeightLeftOrAnotherStyleIsMeasuredAgain() {
    JasperReportsContext context = ReportsContext.create();
    JRDesignTextField field = new JRDesignTextField();
    field.setWidth(60);
    field.setHeight(14);
    Map<Attribute, Object> font = new HashMap<>();
    font.put(TextAttribute.FAMILY, "Vazirmatn");
    font.put(TextAttribute.SIZE, 8f);
    String persian = "مطالبهٔ لوله‌کشی آب آشامیدنی برای خانوارهای محلهٔ شمالی سکونتگاه";
    JRStyledText text = new JRStyledText(Locale.forLanguageTag("fa"), persian, font);
    JRTextMeasurer measurer = new RememberingTextMeasurerFactory().createMeasurer(context, field);

    JRMeasuredText whole = measurer.measure(text, 0, 200, true, false);
    assertThat(whole.getTextOffset()).isEqualTo(persian.length());
    assertThat(whole.getTextHeight()).isGreaterThan(3 * 8f); // it wraps
    assertThat(measurer.measure(text, 0, 300, true, false)).isSameAs(whole);

    JRMeasuredText cut = measurer.measure(text, 0, 2, true, false);
    assertThat(cut.getTextOffset())
        .isLessThan(persian.length())
        .isEqualTo(
            new TextMeasurer(context, field).measure(text, 0, 2, true, false).getTextOffset());

    JRDesignStyle padded = new JRDesignStyle();
    padded.setName("padded");
    padded.getLineBox().setLeftPadding(20);
    field.setStyle(padded);
    JRMeasuredText narrower = measurer.measure(text, 0, 200, true, false);
    assertThat(narrower.getTextHeight())
        .isGreaterThan(whole.getTextHeight())
        .isEqualTo(
            new TextMeasurer(context, field).measure(text, 0, 200, true, false).getTextHeight());
  }

  private static void assertSameLayout(Function<ReportRenderer, JasperPrint> fill, int pages) {
    JasperPrint expected = fill.apply(jasperReports);
    JasperPrint actual = fill.apply(remembering);
    assertThat(expected.getPages()).hasSizeGreaterThanOrEqualTo(pages);
    assertThat(layout(actual)).isEqualTo(layout(expected));
  }

  /** Each page's elements, one line each, frames' elements within them. */
  private static List<String> layout(JasperPrint print) {
    List<String> lines = new ArrayList<>();
    int page = 0;
    for (JRPrintPage printPage : print.getPages()) {
      page++;
      for (JRPrintElement element : printPage.getElements()) {
        describe(element, "p" + page, lines);
      }
    }
    return lines;
  }

  private static void describe(JRPrintElement element, String where, List<String> lines) {
    StringBuilder line =
        new StringBuilder(where)
            .append(' ')
            .append(element.getClass().getSimpleName())
            .append(" x=")
            .append(element.getX())
            .append(" y=")
            .append(element.getY())
            .append(" w=")
            .append(element.getWidth())
            .append(" h=")
            .append(element.getHeight())
            .append(" style=")
            .append(element.getStyle() == null ? null : element.getStyle().getName());
    if (element instanceof JRPrintText text) {
      line.append(" text=")
          .append(text.getFullText())
          .append(" cut=")
          .append(text.getTextTruncateIndex())
          .append(" suffix=")
          .append(text.getTextTruncateSuffix())
          .append(" textHeight=")
          .append(text.getTextHeight())
          .append(" spacing=")
          .append(text.getLineSpacingFactor())
          .append(" leading=")
          .append(text.getLeadingOffset())
          .append(" direction=")
          .append(text.getRunDirection());
    }
    lines.add(line.toString());
    if (element instanceof JRPrintFrame frame) {
      for (JRPrintElement inner : frame.getElements()) {
        describe(inner, where + ">", lines);
      }
    }
  }
}
