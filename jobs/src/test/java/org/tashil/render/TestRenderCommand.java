package org.tashil.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures.CommandResult;
import org.tashil.aggregate.IndicatorWarehouse;

/** From the marts of the hand-made province to its PDFs, through the command line. */
class TestRenderCommand {

  @TempDir Path reports;

  private CommandResult render(String language) {
    return tashil(
        "render",
        "--period",
        "1405-08",
        "--lang",
        language,
        "--warehouse",
        IndicatorWarehouse.root().resolve("warehouse").toString(),
        "--reference",
        IndicatorWarehouse.FIXTURE.resolve("reference").toString(),
        "--reports",
        reports.toString());
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document).replace("\u200C", "");
    }
  }

  @Test
  void everySettlementOfficeAndTheProvinceGetTheirPdfAndTheIndexListsThem() throws IOException {
    IndicatorWarehouse.warehouse();
    CommandResult render = render("fa");
    assertThat(render.exitCode()).as(render.err()).isZero();
    Path folder = reports.resolve("1405-08");
    // The province, four settlements and the three offices active in 1405-08.
    assertThat(render.out()).contains("render 1405-08: 8 PDFs");
    for (String file :
        List.of(
            "province.pdf",
            "settlements/T-001.pdf",
            "settlements/T-002.pdf",
            "settlements/T-003.pdf",
            "settlements/T-004.pdf",
            "offices/OF-A.pdf",
            "offices/OF-B.pdf",
            "offices/OF-C.pdf")) {
      assertThat(folder.resolve(file)).isRegularFile();
    }
    List<String> index = Files.readAllLines(folder.resolve("index.csv"));
    assertThat(index).hasSize(9);
    assertThat(index.get(0)).isEqualTo("file,kind,key,pages,sha256");
    assertThat(String.join("\n", index))
        .contains("settlements/T-001.pdf,settlement,T-001,", "offices/OF-A.pdf,office,OF-A,");
    String settlement = text(folder.resolve("settlements/T-001.pdf"));
    assertThat(settlement).contains("آزمون یک").contains("D4").doesNotContain("قطعی");
    assertThat(text(folder.resolve("province.pdf"))).contains("آزمون دو");
    // OF-A's households file of 1405-08: S7 on line 8 has 0 members.
    String office = text(folder.resolve("offices/OF-A.pdf"));
    assertThat(office).contains("دفتر آلفا", "households.csv", "members", "T-999");
    assertThat(text(folder.resolve("offices/OF-B.pdf"))).contains("نرسید");
  }

  @Test
  void englishOnRequest() throws IOException {
    IndicatorWarehouse.warehouse();
    CommandResult render = render("en");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(text(reports.resolve("1405-08/settlements/T-002.pdf"))).contains("Test Two");
  }
}
