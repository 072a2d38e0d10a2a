package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TestTableReader {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void commaSemicolonAndTabAreDetectedFromTheHeader() throws Exception {
    assertThat(TableReader.read("a.csv", utf8("a,b\n1,2\n")).delimiter()).isEqualTo("comma");
    RawTable semicolon = TableReader.read("a.csv", utf8("a;b\n1,5;2\n"));
    assertThat(semicolon.delimiter()).isEqualTo("semicolon");
    assertThat(semicolon.records().get(0).values()).containsExactly("1,5", "2");
    assertThat(TableReader.read("a.csv", utf8("a\tb\n1\t2\n")).delimiter()).isEqualTo("tab");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
    byte[] bytes = utf8("\uFEFFsurvey_id,members\nS-1,4\n");
    RawTable table = TableReader.read("a.csv", bytes);
    assertThat(table.encoding()).isEqualTo("UTF-8-BOM");
    assertThat(table.header()).containsExactly("survey_id", "members");
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsWindows1256() throws Exception {
    byte[] bytes = "کد محله\nكوي علوي\n".replace('ک', 'ك').getBytes(TableReader.WINDOWS_1256);
    RawTable table = TableReader.read("a.csv", bytes);
    assertThat(table.encoding()).isEqualTo("windows-1256");
    assertThat(table.records().get(0).values()).containsExactly("كوي علوي");
  }

  @Test
  void recordsKeepTheirFirstLineAcrossQuotedNewlinesAndBlankLines() throws Exception {
    RawTable table =
        TableReader.read("a.csv", utf8("id,summary\r\n1,\"two\r\nlines\"\r\n\r\n2,x\r\n,\r\n3,y"));
    assertThat(table.records()).extracting(RawRecord::line).containsExactly(2, 5, 7);
    assertThat(table.records().get(0).values().get(1)).isEqualTo("two\r\nlines");
  }

  @Test
  void formulaTextIsKeptAsText() throws Exception {
    RawTable table = TableReader.read("a.csv", utf8("id,summary\n1,\"=HYPERLINK(\"\"x\"\")\"\n"));
    assertThat(table.records().get(0).values().get(1)).isEqualTo("=HYPERLINK(\"x\")");
  }

  @Test
  void anEmptyFileIsRejected() {
    assertThatThrownBy(() -> TableReader.read("a.csv", new byte[0]))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the file is empty");
  }

  @Test
  void aBinaryFileIsRejected() {
    byte[] bytes = {'P', 'N', 'G', 0, 1, 2, 3};
    assertThatThrownBy(() -> TableReader.read("households.csv", bytes))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("binary data");
  }

  @Test
  void aHeaderOnlyFileHasNoRecords() throws Exception {
    assertThat(TableReader.read("a.csv", utf8("a,b\n")).records()).isEmpty();
  }

  @Test
  void aFileOfOnlyBlankLinesHasNoHeader() {
    assertThatThrownBy(() -> TableReader.read("a.csv", utf8("\n\n")))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the file has no header line");
  }

  @Test
  void aTenMegabyteSingleLineIsReadAsAHeader() throws Exception {
    RawTable table = TableReader.read("a.csv", utf8("x".repeat(10 * 1024 * 1024)));
    assertThat(table.header()).hasSize(1);
    assertThat(table.records()).isEmpty();
  }

  @Test
  void aCorruptWorkbookIsRejected() {
    byte[] bytes = {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'};
    assertThatThrownBy(() -> TableReader.read("demands.xlsx", bytes))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("the file cannot be opened as an Excel workbook");
  }

  @Test
  void aWorkbookGivesItsFirstSheetWithRowNumbersAndIsoDates() throws Exception {
    byte[] bytes;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("data");
      XSSFRow header = sheet.createRow(0);
      header.createCell(0).setCellValue("id");
      header.createCell(1).setCellValue("held_on");
      header.createCell(2).setCellValue("participants");
      XSSFRow row = sheet.createRow(2);
      row.createCell(0).setCellValue("A-1");
      var date = row.createCell(1);
      date.setCellValue(java.time.LocalDate.of(2026, 11, 1));
      var style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      date.setCellStyle(style);
      row.createCell(2).setCellValue(12.0);
      row.createCell(3).setCellFormula("1+1");
      workbook.createSheet("notes").createRow(0).createCell(0).setCellValue("ignored");
      workbook.write(out);
      bytes = out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    RawTable table = TableReader.read("activities.xlsx", bytes);
    assertThat(table.format()).isEqualTo("xlsx");
    assertThat(table.header()).containsExactly("id", "held_on", "participants");
    assertThat(table.records()).hasSize(1);
    assertThat(table.records().get(0).line()).isEqualTo(3);
    assertThat(table.records().get(0).values()).startsWith("A-1", "2026-11-01", "12");
  }
}
