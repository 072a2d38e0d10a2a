package org.tashil.reports.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.reports.PrintedText;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;
import org.tashil.reports.render.ReportRenderer;
import org.tashil.reports.render.Templates;

/** Every JRXML template compiles in both languages, and the compiled set fills. */
class TestTemplates {

  private static final Path SOURCE = Path.of("src/main/jasperreports");
  private static Templates compiled;

  @BeforeAll
  static void compileFromSource() throws Exception {
    compiled = Templates.compile(SOURCE);
  }

  @Test
  void everyTemplateCompilesInBothLanguages() throws Exception {
    var templates = TemplateCompiler.templates(SOURCE);
    assertThat(templates).hasSize(Templates.TABLES.size() + 4); // and the main reports
    for (Path template : templates) {
      for (Language language : Language.values()) {
        JasperReport report = TemplateCompiler.compile(template, language);
        assertThat(report.getName()).endsWith("_" + language.code());
      }
    }
  }

  @Test
  void templatesCompiledFromSourceFillEveryReportInBothLanguages() {
    ReportRenderer renderer = new ReportRenderer(compiled);
    for (Language language : Language.values()) {
      var context = ReportFixtures.context(language);
      JasperPrint settlement = renderer.fill(ReportFixtures.hasirabad(), context);
      JasperPrint small = renderer.fill(ReportFixtures.mashali(), context);
      JasperPrint province = renderer.fill(ReportFixtures.province(), context);
      JasperPrint agency = renderer.fill(ReportFixtures.waterCompany(), context);
      JasperPrint office = renderer.fill(ReportFixtures.hasirabadOffice(), context);
      for (JasperPrint print : new JasperPrint[] {settlement, small, province, agency, office}) {
        assertThat(print.getPages()).isNotEmpty();
        assertThat(PrintedText.strings(print))
            .isNotEmpty()
            .noneMatch(text -> text.contains("null"));
      }
    }
  }

  @Test
  void buildCompiledTemplatesLoadFromTheClasspathAndFill() {
    ReportRenderer renderer = new ReportRenderer(Templates.load());
    JasperPrint print =
        renderer.fill(ReportFixtures.hasirabad(), ReportFixtures.context(Language.PERSIAN));
    assertThat(PrintedText.strings(print)).contains("آبان ۱۴۰۵");
  }

  @Test
  void mirroringFlipsLeftAndRight() {
    assertThat(Mirror.flip(net.sf.jasperreports.engine.type.HorizontalTextAlignEnum.LEFT))
        .isEqualTo(net.sf.jasperreports.engine.type.HorizontalTextAlignEnum.RIGHT);
    assertThat(Mirror.flip(net.sf.jasperreports.engine.type.HorizontalTextAlignEnum.CENTER))
        .isEqualTo(net.sf.jasperreports.engine.type.HorizontalTextAlignEnum.CENTER);
  }
}
