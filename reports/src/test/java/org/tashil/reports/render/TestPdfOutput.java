package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;

/** The PDFs read back with PDFBox: text, embedded fonts, pages, metadata. */
class TestPdfOutput {

  private static final String ZWNJ = "\u200C";
  private static ReportRenderer renderer;

  @BeforeAll
  static void load() {
    renderer = ReportRenderer.withCompiledTemplates();
  }

  @Test
  void persianSettlementPdfHoldsItsTextInAnEmbeddedFont() throws IOException {
    var context = ReportFixtures.context(Language.PERSIAN);
    var print = renderer.fill(ReportFixtures.hasirabad(), context);
    byte[] pdf = renderer.pdf(ReportFixtures.hasirabad(), context);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(print.getPages().size());
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("حصیرآباد", "۱۴۰۵", "آبان", "AHV-001")
          .contains("دفتر تسهیل‌گری و توسعه محلی حصیرآباد".replace(ZWNJ, ""))
          .contains("شرکت آب و فاضلاب خوزستان");
      assertThat(fonts(document))
          .isNotEmpty()
          .allSatisfy(
              font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("Vazirmatn");
              });
    }
  }

  @Test
  void englishProvincePdfHoldsItsText() throws IOException {
    byte[] pdf = renderer.pdf(ReportFixtures.province(), ReportFixtures.context(Language.ENGLISH));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "Monthly report: informal settlements of Khuzestan", "Aban 1405", "Kuy-e Mashali")
          .contains("Khuzestan Water and Wastewater Company");
      assertThat(fonts(document)).allMatch(PDFont::isEmbedded);
    }
  }

  @Test
  void metadataNamesThePeriodAndTheWarehouseVersion() throws IOException {
    byte[] pdf = renderer.pdf(ReportFixtures.hasirabad(), ReportFixtures.context(Language.PERSIAN));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var information = document.getDocumentInformation();
      assertThat(information.getTitle()).isEqualTo("گزارش ماهانهٔ سکونتگاه حصیرآباد — آبان ۱۴۰۵");
      assertThat(information.getSubject())
          .contains("period 1405-08", "warehouse version 42", "settlement AHV-001");
      assertThat(information.getKeywords())
          .contains("period 1405-08", "warehouse version 42", "run-20261127-0815");
    }
  }

  private static List<PDFont> fonts(PDDocument document) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    return fonts;
  }
}
