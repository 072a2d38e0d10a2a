package org.tashil.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tashil.Fixtures.tashil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tashil.Fixtures;
import org.tashil.Fixtures.CommandResult;
import org.tashil.SparkTests;
import org.tashil.calendar.Period;
import org.tashil.generate.GeneratorSettings;
import org.tashil.generate.InboxGenerator;
import org.tashil.warehouse.Warehouse;

/**
 * The office feedback reports of a generated messy province, run from its inbox: one for every
 * active office, listed in the index, each with the rows its office had quarantined.
 */
class TestOfficeReports {

  private static final Period ABAN = Period.parse("1405-08");

  @TempDir static Path temp;
  private static CommandResult run;
  private static Warehouse warehouse;
  private static Path reports;

  @BeforeAll
  static void generateAndRun() {
    Path inbox = temp.resolve("inbox");
    new InboxGenerator(Fixtures.registry(), new GeneratorSettings(List.of(ABAN), 0.05, 11, 0.6))
        .generate(inbox);
    run = tashil(Fixtures.runArguments(inbox, temp, "--lang", "en"));
    warehouse = new Warehouse(SparkTests.session(), temp.resolve("warehouse").toString());
    reports = temp.resolve("reports/1405-08");
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void everyActiveOfficeGetsItsReportListedInTheIndex() throws IOException {
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<String> active =
        warehouse.readPeriod("marts/office_month", ABAN).where("active").collectAsList().stream()
            .map(row -> row.<String>getAs("office_id"))
            .toList();
    assertThat(active).hasSizeGreaterThan(10);
    String index = Files.readString(reports.resolve("index.csv"));
    for (String office : active) {
      assertThat(reports.resolve("offices/" + office + ".pdf")).isRegularFile();
      assertThat(index).contains("offices/" + office + ".pdf,office," + office + ",");
    }
    // One PDF, and its XLSX beside it, for each active office, and none for another.
    try (var files = Files.list(reports.resolve("offices"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              active.stream()
                  .flatMap(office -> Stream.of(office + ".pdf", office + ".xlsx"))
                  .toList());
    }
  }

  @Test
  void aQuarantinedRowIsInItsOfficesReportWithItsLineAndColumn() throws IOException {
    List<Row> quarantined =
        warehouse
            .readPeriod("quarantine/households", ABAN)
            .unionByName(warehouse.readPeriod("quarantine/demands", ABAN))
            .where("column IS NOT NULL")
            .orderBy("office_id", "source_file", "source_line")
            .collectAsList();
    assertThat(quarantined).isNotEmpty();
    for (Row row : List.of(quarantined.get(0), quarantined.get(quarantined.size() - 1))) {
      String office = row.getAs("office_id");
      String source = row.getAs("source_file");
      String file = source.substring(source.lastIndexOf('/') + 1);
      int line = row.getAs("source_line");
      String column = row.getAs("column");
      String text = text(reports.resolve("offices/" + office + ".pdf"));
      // One printed row: file, line, column, then the problem and how to fix it.
      assertThat(text)
          .as(office + " " + file + ":" + line)
          .containsPattern(
              Pattern.compile(
                  "(?m)^"
                      + Pattern.quote(file)
                      + " "
                      + line
                      + " "
                      + Pattern.quote(column)
                      + " \\S"));
    }
  }
}
