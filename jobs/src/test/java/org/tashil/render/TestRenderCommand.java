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
    // The province, four settlements, two agencies and the three offices active in 1405-08.
    assertThat(render.out()).contains("render 1405-08: 10 PDFs");
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
    assertThat(index).hasSize(21); // each report's PDF and XLSX
    assertThat(index.get(0)).isEqualTo("file,kind,key,pages,sha256");
    assertThat(String.join("\n", index))
        .contains("settlements/T-001.pdf,settlement,T-001,")
        .contains("settlements/T-001.xlsx,settlement,T-001,10,")
        .contains("province.xlsx,province,,10,")
        .contains("offices/OF-A.pdf,office,OF-A,");
    assertThat(folder.resolve("index.html")).isRegularFile();
    String settlement = text(folder.resolve("settlements/T-001.pdf"));
    assertThat(settlement).contains("آزمون یک").contains("D4").doesNotContain("قطعی");
    assertThat(text(folder.resolve("province.pdf"))).contains("آزمون دو");
    // OF-A's households file of 1405-08: S7 on line 8 has 0 members.
    String office = text(folder.resolve("offices/OF-A.pdf"));
    assertThat(office).contains("دفتر آلفا", "households.csv", "members", "T-999");
    assertThat(text(folder.resolve("offices/OF-B.pdf"))).contains("نرسید");
  }

  @Test
  void everyAgencyGetsItsFollowUpReportListingItsOpenDemands() throws IOException {
    IndicatorWarehouse.warehouse();
    CommandResult render = render("fa");
    assertThat(render.exitCode()).as(render.err()).isZero();
    Path folder = reports.resolve("1405-08");
    List<String> index = Files.readAllLines(folder.resolve("index.csv"));
    for (var agency : IndicatorWarehouse.registry().agencies()) {
      String file = "agencies/" + agency.id() + ".pdf";
      assertThat(folder.resolve(file)).isRegularFile();
      assertThat(index).anyMatch(line -> line.startsWith(file + ",agency," + agency.id() + ","));
    }
    // At 1405/08/30, D4 (urgent, since 1405/06/01) waits on the water agency, past its 10 days;
    // D3 (since 1405/08/10) on the municipality, within its 30.
    String water = text(folder.resolve("agencies/ag-w.pdf"));
    assertThat(water)
        // PDFBox joins a row's cells: D4's days open (۹۰) with its mark, and its 25 households.
        .contains("پیگیری مطالبات: آب", "D4", "OF-A", "فوری", "۱ شهریور ۱۴۰۵", "۹۰", "(معوق)")
        .contains("شهرستان آلفا", "آزمون یک (T-001)", "روزهای باز تا ۳۰ آبان ۱۴۰۵")
        .doesNotContain("D3");
    String municipality = text(folder.resolve("agencies/ag-m.pdf"));
    assertThat(municipality)
        .contains("D3", "آزمون دو (T-002)", "ثبتشده", "معابر")
        .doesNotContain("(معوق)", "فوری", "D4")
        // D3's summary, as its office wrote it, is never printed.
        .doesNotContain("آسفالت");
  }

  @Test
  void englishOnRequest() throws IOException {
    IndicatorWarehouse.warehouse();
    CommandResult render = render("en");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(text(reports.resolve("1405-08/settlements/T-002.pdf"))).contains("Test Two");
  }
}
