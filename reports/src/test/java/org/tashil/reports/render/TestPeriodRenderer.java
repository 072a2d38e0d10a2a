package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.PeriodReports;

/** A whole period: the files, the index and its checksums. */
class TestPeriodRenderer {

  private static PeriodRenderer periodRenderer;

  @BeforeAll
  static void load() {
    periodRenderer = new PeriodRenderer(ReportRenderer.withCompiledTemplates(), 2);
  }

  @Test
  void writesTheProvinceEverySettlementEveryOfficeTheirTablesAndAnIndexWithPagesAndChecksums(
      @TempDir Path reports) throws IOException {
    RenderedPeriod period =
        periodRenderer.render(
            reports,
            ReportFixtures.context(Language.PERSIAN),
            new PeriodReports(
                ReportFixtures.province(),
                List.of(ReportFixtures.hasirabad(), ReportFixtures.mashali()),
                List.of(),
                List.of(ReportFixtures.hasirabadOffice())));

    Path folder = reports.resolve("1405-08");
    assertThat(period.folder()).isEqualTo(folder.toString());
    assertThat(period.index()).isEqualTo(folder.resolve("index.csv").toString());
    assertThat(folder.resolve("province.pdf")).isRegularFile();
    assertThat(folder.resolve("settlements/AHV-001.pdf")).isRegularFile();
    assertThat(folder.resolve("settlements/AHV-007.pdf")).isRegularFile();
    assertThat(period.page()).isEqualTo(folder.resolve("index.html").toString());
    assertThat(folder.resolve("index.html")).isRegularFile();
    // The index names the office whose report it links, in the report's language.
    String office = ReportFixtures.hasirabadOffice().office().persian();
    assertThat(Files.readString(folder.resolve("index.html")))
        .contains(IndexPage.escape(office + " (OF-01)"));

    List<String> lines = Files.readAllLines(folder.resolve("index.csv"));
    assertThat(folder.resolve("offices/OF-01.pdf")).isRegularFile();
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0)).isEqualTo("file,kind,key,pages,sha256");
    assertThat(lines.get(1)).startsWith("province.pdf,province,,");
    assertThat(lines.get(2)).startsWith("province.xlsx,province,,10,");
    assertThat(lines.get(3)).startsWith("settlements/AHV-001.pdf,settlement,AHV-001,");
    assertThat(lines.get(4)).startsWith("settlements/AHV-001.xlsx,settlement,AHV-001,10,");
    assertThat(lines.get(5)).startsWith("settlements/AHV-007.pdf,settlement,AHV-007,");
    assertThat(lines.get(6)).startsWith("settlements/AHV-007.xlsx,settlement,AHV-007,10,");
    assertThat(lines.get(7)).startsWith("offices/OF-01.pdf,office,OF-01,");
    assertThat(lines.get(8)).startsWith("offices/OF-01.xlsx,office,OF-01,");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      byte[] bytes = Files.readAllBytes(folder.resolve(cells[0]));
      assertThat(cells[4]).isEqualTo(PeriodRenderer.sha256(bytes)).hasSize(64);
      if (cells[0].endsWith(".pdf")) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
          assertThat(cells[3]).isEqualTo(String.valueOf(document.getNumberOfPages()));
        }
      } else {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
          assertThat(cells[3]).isEqualTo(String.valueOf(workbook.getNumberOfSheets()));
        }
      }
    }
    assertThat(period.reports())
        .extracting(RenderedReport::file)
        .containsExactly(
            "province.pdf",
            "settlements/AHV-001.pdf",
            "settlements/AHV-007.pdf",
            "offices/OF-01.pdf");
    assertThat(period.tables())
        .extracting(RenderedReport::file)
        .containsExactly(
            "province.xlsx",
            "settlements/AHV-001.xlsx",
            "settlements/AHV-007.xlsx",
            "offices/OF-01.xlsx");
    // Every report, whatever its kind, has its tables beside its PDF.
    assertThat(period.tables())
        .extracting(RenderedReport::file)
        .containsExactlyElementsOf(
            period.reports().stream()
                .map(pdf -> pdf.file().replaceFirst("\\.pdf$", ".xlsx"))
                .toList());
  }

  @Test
  void leavesNoTemporaryFileAndReplacesAnEarlierRendering(@TempDir Path reports)
      throws IOException {
    var context = ReportFixtures.context(Language.ENGLISH);
    periodRenderer.render(
        reports,
        context,
        new PeriodReports(
            ReportFixtures.province(), List.of(ReportFixtures.mashali()), List.of(), List.of()));
    RenderedPeriod again =
        periodRenderer.render(
            reports,
            context,
            new PeriodReports(
                ReportFixtures.province(),
                List.of(ReportFixtures.mashali()),
                List.of(),
                List.of()));
    try (Stream<Path> files = Files.walk(reports)) {
      assertThat(files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "province.pdf",
              "province.xlsx",
              "AHV-007.pdf",
              "AHV-007.xlsx",
              "index.csv",
              "index.html");
    }
    assertThat(again.reports())
        .extracting(RenderedReport::file)
        .containsExactly("province.pdf", "settlements/AHV-007.pdf");
  }

  @Test
  void theFilesMayBeReadByWhoeverMayReadAnyNewFileOfTheProcess(
      @TempDir Path reports, @TempDir Path elsewhere) throws IOException {
    periodRenderer.render(
        reports,
        ReportFixtures.context(Language.PERSIAN),
        new PeriodReports(
            ReportFixtures.province(), List.of(ReportFixtures.mashali()), List.of(), List.of()));
    var expected = Files.getPosixFilePermissions(Files.createFile(elsewhere.resolve("new")));
    Path folder = reports.resolve("1405-08");
    for (String file :
        List.of(
            "province.pdf",
            "province.xlsx",
            "settlements/AHV-007.pdf",
            "settlements/AHV-007.xlsx",
            "index.csv",
            "index.html")) {
      assertThat(Files.getPosixFilePermissions(folder.resolve(file))).as(file).isEqualTo(expected);
    }
  }

  @Test
  void aFileThatCannotBeWrittenFailsTheRenderWithItsErrorAndNoIndex(@TempDir Path reports)
      throws InterruptedException {
    LocalReportFolder local = new LocalReportFolder(reports);
    java.util.concurrent.atomic.AtomicInteger written =
        new java.util.concurrent.atomic.AtomicInteger();
    ReportFolder failing =
        new ReportFolder() {
          @Override
          public void prepare(String folder) {
            local.prepare(folder);
          }

          @Override
          public void write(String file, byte[] bytes) {
            if (file.endsWith("province.pdf")) {
              throw new java.io.UncheckedIOException(
                  "cannot write " + file, new java.io.IOException("disk full"));
            }
            try {
              Thread.sleep(300); // a slow file system: the settlements' writes are under way
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            local.write(file, bytes);
            written.incrementAndGet();
          }

          @Override
          public String location(String name) {
            return local.location(name);
          }
        };
    assertThatThrownBy(
            () ->
                periodRenderer.render(
                    failing,
                    ReportFixtures.context(Language.PERSIAN),
                    new PeriodReports(
                        ReportFixtures.province(),
                        List.of(ReportFixtures.hasirabad(), ReportFixtures.mashali()),
                        List.of(),
                        List.of())))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("cannot write 1405-08/province.pdf");
    // Nothing is written after the render has failed: what was under way ended before it.
    int whenFailed = written.get();
    Thread.sleep(800);
    assertThat(written.get()).isEqualTo(whenFailed);
    assertThat(reports.resolve("1405-08/index.csv")).doesNotExist();
    assertThat(reports.resolve("1405-08/index.html")).doesNotExist();
  }

  @Test
  void refusesASettlementGivenTwice(@TempDir Path reports) {
    assertThatThrownBy(
            () ->
                periodRenderer.render(
                    reports,
                    ReportFixtures.context(Language.PERSIAN),
                    new PeriodReports(
                        ReportFixtures.province(),
                        List.of(ReportFixtures.mashali(), ReportFixtures.mashali()),
                        List.of(),
                        List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("settlement AHV-007 given twice");
  }
}
