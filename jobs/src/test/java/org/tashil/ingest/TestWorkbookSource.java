package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestWorkbookSource {

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String RELATIONSHIPS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  @TempDir Path folder;

  private File write(Workbook workbook) throws IOException {
    File file = Files.createTempFile(folder, "workbook", ".xlsx").toFile();
    try (workbook;
        OutputStream out = Files.newOutputStream(file.toPath())) {
      workbook.write(out);
    }
    return file;
  }

  /** Writes a sheet's XML into the package, streaming. */
  private interface SheetWriter {
    void write(OutputStream sheet) throws IOException;
  }

  /**
   * A package of the smallest workbook that POI opens: {@code sheets} is the workbook's {@code
   * <sheet>} list, all pointing at one sheet part, which {@code sheet} writes (none when null).
   */
  private File writePackage(String sheets, SheetWriter sheet) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "[Content_Types].xml",
        bytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>"));
    entries.put(
        "_rels/.rels",
        bytes(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\""
                + RELATIONSHIPS
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
    entries.put(
        "xl/workbook.xml",
        bytes(
            "<workbook xmlns=\""
                + MAIN
                + "\" xmlns:r=\""
                + RELATIONSHIPS
                + "\"><sheets>"
                + sheets
                + "</sheets></workbook>"));
    entries.put(
        "xl/_rels/workbook.xml.rels",
        bytes(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\""
                + RELATIONSHIPS
                + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
    File file = Files.createTempFile(folder, "package", ".xlsx").toFile();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file.toPath()))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
      if (sheet != null) {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        sheet.write(zip);
        zip.closeEntry();
      }
    }
    return file;
  }

  private File writeSheet(String sheetData) throws IOException {
    return writeSheetXml(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
            + MAIN
            + "\"><sheetData>"
            + sheetData
            + "</sheetData></worksheet>");
  }

  private File writeSheetXml(String xml) throws IOException {
    return writePackage(
        "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/>", out -> out.write(bytes(xml)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<RawRecord> rest(WorkbookSource source) throws Exception {
    List<RawRecord> records = new ArrayList<>();
    for (RawRecord record = source.next(); record != null; record = source.next()) {
      records.add(record);
    }
    return records;
  }

  private static UnreadableFileException rejection(ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    assertThat(failure).isInstanceOf(UnreadableFileException.class);
    return (UnreadableFileException) failure;
  }

  @Test
  void theHeaderIsTheFirstRowThatIsNotBlankAndBlankRowsAreSkipped() throws Exception {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet("data");
    sheet.createRow(0).createCell(0).setCellValue("  ");
    Row header = sheet.createRow(1);
    header.createCell(0).setCellValue("id");
    header.createCell(2).setCellValue("name");
    Row first = sheet.createRow(2);
    first.createCell(0).setCellValue("A-1");
    first.createCell(2).setCellValue("Kuy-e Alavi");
    Row blank = sheet.createRow(3);
    blank.createCell(0).setCellValue("");
    blank.createCell(1).setCellValue(" \t");
    blank.createCell(3);
    Row gaps = sheet.createRow(5);
    gaps.createCell(1).setCellValue("only B");
    gaps.createCell(4).setCellValue("and E");
    gaps.createCell(7);
    workbook.createSheet("notes").createRow(0).createCell(0).setCellValue("not read");

    try (WorkbookSource source = WorkbookSource.open(write(workbook))) {
      assertThat(source.format()).isEqualTo("xlsx");
      assertThat(source.encoding()).isNull();
      assertThat(source.delimiter()).isNull();
      assertThat(source.header()).containsExactly("id", null, "name");
      List<RawRecord> records = rest(source);
      assertThat(records).extracting(RawRecord::line).containsExactly(3, 6);
      assertThat(records.get(0).values()).containsExactly("A-1", null, "Kuy-e Alavi");
      assertThat(records.get(1).values()).containsExactly(null, "only B", null, null, "and E");
      assertThat(records).allSatisfy(record -> assertThat(record.uncomputed()).isEmpty());
      assertThat(source.next()).isNull();
    }
  }

  @Test
  void cellsWithoutAReferenceFollowThePreviousOneAndRowsWithoutANumberAreCounted()
      throws Exception {
    File file =
        writeSheet(
            "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c r=\"C1\" t=\"inlineStr\">"
                + "<is><t>c</t></is></c><c t=\"inlineStr\"><is><t>d</t></is></c></row>"
                + "<row><c><v>1</v></c><c r=\"AB2\"><v>2</v></c></row>"
                + "<row r=\"7\"><c r=\"B7\"><v>3</v></c></row>"
                + "<row><c r=\"A8\"><v>4</v></c></row>");
    try (WorkbookSource source = WorkbookSource.open(file)) {
      assertThat(source.header()).containsExactly("a", null, "c", "d");
      List<RawRecord> records = rest(source);
      assertThat(records).extracting(RawRecord::line).containsExactly(2, 7, 8);
      assertThat(records.get(0).values()).hasSize(28).startsWith("1").endsWith("2");
      assertThat(records.get(1).values()).containsExactly(null, "3");
    }
  }

  @Test
  void aCellBeyondTheLastColumnRejectsTheFile() throws Exception {
    File file =
        writeSheet(
            "<row r=\"1\"><c r=\"A1\" s=\"99\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"XFD2\"><v>2</v></c></row>"
                + "<row r=\"3\"><c r=\"XFE3\"><v>3</v></c></row>");
    try (WorkbookSource source = WorkbookSource.open(file)) {
      assertThat(source.header()).containsExactly("1");
      assertThat(source.next().values()).hasSize(WorkbookSource.MAX_COLUMNS).endsWith("2");
      UnreadableFileException failure = rejection(source::next);
      assertThat(failure.getMessage()).endsWith("a cell beyond column XFD in row 3");
      assertThat(rejection(source::next)).isSameAs(failure);
    }
  }

  @Test
  void sharedAndInlineStringsAreText() throws Exception {
    XSSFWorkbook shared = new XSSFWorkbook();
    Row sharedHeader = shared.createSheet("data").createRow(0);
    sharedHeader.createCell(0).setCellValue("کد محله");
    sharedHeader.createCell(1).setCellValue("  padded  ");
    try (WorkbookSource source = WorkbookSource.open(write(shared))) {
      assertThat(source.header()).containsExactly("کد محله", "  padded  ");
    }

    SXSSFWorkbook streamed = new SXSSFWorkbook();
    Row streamedHeader = streamed.createSheet("data").createRow(0);
    streamedHeader.createCell(0).setCellValue("survey_id");
    streamedHeader.createCell(1).setCellValue("كوي علوي");
    try (WorkbookSource source = WorkbookSource.open(write(streamed))) {
      assertThat(source.header()).containsExactly("survey_id", "كوي علوي");
    }

    File richText =
        writeSheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><t>Kuy</t></r><r><rPr><b/></rPr>"
                + "<t xml:space=\"preserve\">-e Alavi</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></is></c></row>");
    try (WorkbookSource source = WorkbookSource.open(richText)) {
      assertThat(source.header()).containsExactly("Kuy-e Alavi");
    }
  }

  @Test
  void numbersInADateFormatAreIsoDatesAndWholeNumbersHaveNoFraction() throws Exception {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet("data");
    sheet.createRow(0).createCell(0).setCellValue("values");
    CellStyle custom = workbook.createCellStyle();
    custom.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle builtin = workbook.createCellStyle();
    builtin.setDataFormat((short) 14);
    Row row = sheet.createRow(1);
    row.createCell(0).setCellValue(LocalDate.of(2026, 11, 1));
    row.getCell(0).setCellStyle(custom);
    row.createCell(1).setCellValue(LocalDate.of(1999, 3, 21));
    row.getCell(1).setCellStyle(builtin);
    row.createCell(2).setCellValue(12.0);
    row.createCell(3).setCellValue(-3.0);
    row.createCell(4).setCellValue(2.5);
    row.createCell(5).setCellValue(1e15);
    row.createCell(6).setCellValue(true);
    row.createCell(7).setCellValue(0.1);

    try (WorkbookSource source = WorkbookSource.open(write(workbook))) {
      assertThat(source.next().values())
          .containsExactly("2026-11-01", "1999-03-21", "12", "-3", "2.5", "1.0E15", "true", "0.1");
    }
  }

  @Test
  void aWorkbookThatCountsDatesFrom1904GivesTheSameDates() throws Exception {
    XSSFWorkbook workbook = new XSSFWorkbook();
    workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
    Sheet sheet = workbook.createSheet("data");
    sheet.createRow(0).createCell(0).setCellValue("held_on");
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    var cell = sheet.createRow(1).createCell(0);
    cell.setCellValue(LocalDate.of(2026, 11, 1));
    cell.setCellStyle(style);
    assertThat(workbook.isDate1904()).isTrue();

    try (WorkbookSource source = WorkbookSource.open(write(workbook))) {
      assertThat(source.next().values()).containsExactly("2026-11-01");
    }
  }

  @Test
  void formulasGiveTheirSavedValues() throws Exception {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet("data");
    sheet.createRow(0).createCell(0).setCellValue("members");
    Row row = sheet.createRow(1);
    row.createCell(0).setCellFormula("2*3+0.5");
    row.createCell(1).setCellFormula("\"Kuy\"&\"-e Alavi\"");
    row.createCell(2).setCellFormula("1/0");
    workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

    try (WorkbookSource source = WorkbookSource.open(write(workbook))) {
      RawRecord record = source.next();
      // The error cell is the row's last: the row's values end before it.
      assertThat(record.values()).containsExactly("6.5", "Kuy-e Alavi");
      assertThat(record.uncomputed()).isEmpty();
    }
  }

  @Test
  void aFormulaSavedWithoutAValueHasNoneAndIsNamed() throws Exception {
    File file =
        writeSheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>"
                + "<row r=\"2\">"
                + "<c r=\"A2\"><f>1+1</f><v>2</v></c>"
                + "<c r=\"B2\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
                + "<c r=\"C2\"><f>SUM(A1:A3)</f></c>"
                + "<c r=\"D2\"><f>SUM(A1:A3)</f><v></v></c>"
                + "<c r=\"E2\" t=\"str\"><f>\"\"</f><v></v></c>"
                + "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"G2\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
                + "</row>"
                + "<row r=\"3\"><c r=\"A3\"><f>SUM(A1:A2)</f><v/></c></row>");
    try (WorkbookSource source = WorkbookSource.open(file)) {
      RawRecord saved = source.next();
      assertThat(saved.values()).containsExactly("2", "ab", null, null, null, null, "true");
      assertThat(saved.uncomputed()).containsExactly(2, 3);
      RawRecord onlyUncomputed = source.next();
      assertThat(onlyUncomputed.line()).isEqualTo(3);
      assertThat(onlyUncomputed.values()).containsExactly((String) null);
      assertThat(onlyUncomputed.uncomputed()).containsExactly(0);
      assertThat(source.next()).isNull();
    }
  }

  @Test
  void aFileThatIsNoZipIsRejected() throws Exception {
    File file = folder.resolve("households.xlsx").toFile();
    Files.writeString(file.toPath(), "survey_id,members\nS-1,4\n");
    UnreadableFileException failure = rejection(() -> open(file));
    assertThat(failure.messageKey()).isEqualTo("file.bad_xlsx");
    assertThat(failure.arguments().get(0)).hasSizeLessThanOrEqualTo(200).doesNotContain("S-1");
  }

  @Test
  void aTruncatedWorkbookIsRejected() throws Exception {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet("data");
    for (int i = 0; i < 200; i++) {
      sheet.createRow(i).createCell(0).setCellValue("row " + i);
    }
    File whole = write(workbook);
    byte[] bytes = Files.readAllBytes(whole.toPath());
    File truncated = folder.resolve("truncated.xlsx").toFile();
    Files.write(truncated.toPath(), Arrays.copyOf(bytes, bytes.length / 2));

    UnreadableFileException failure = rejection(() -> open(truncated));
    assertThat(failure.messageKey()).isEqualTo("file.bad_xlsx");
    assertThat(failure.getMessage()).startsWith("the file cannot be opened as an Excel workbook");
  }

  @Test
  void aZipThatIsNoWorkbookIsRejected() throws Exception {
    File file = folder.resolve("photos.xlsx").toFile();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file.toPath()))) {
      zip.putNextEntry(new ZipEntry("photo.txt"));
      zip.write(bytes("not a workbook"));
      zip.closeEntry();
    }
    UnreadableFileException failure = rejection(() -> open(file));
    assertThat(failure.messageKey()).isEqualTo("file.bad_xlsx");
  }

  @Test
  void aWorkbookWithoutSheetsIsRejected() throws Exception {
    File file = writePackage("", null);
    UnreadableFileException failure = rejection(() -> open(file));
    assertThat(failure.messageKey()).isEqualTo("file.no_sheet");
  }

  @Test
  void anEmptyFirstSheetHasNoHeader() throws Exception {
    XSSFWorkbook empty = new XSSFWorkbook();
    empty.createSheet("data");
    empty.createSheet("notes").createRow(0).createCell(0).setCellValue("not read");
    UnreadableFileException failure = rejection(() -> open(write(empty)));
    assertThat(failure.messageKey()).isEqualTo("file.no_header");

    XSSFWorkbook blank = new XSSFWorkbook();
    Sheet sheet = blank.createSheet("data");
    sheet.createRow(0).createCell(0).setCellValue(" ");
    sheet.createRow(4).createCell(3);
    failure = rejection(() -> open(write(blank)));
    assertThat(failure.messageKey()).isEqualTo("file.no_header");
  }

  @Test
  void aSheetThatBreaksFurtherOnRejectsTheFileWithoutQuotingIt() throws Exception {
    File file =
        writeSheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Leila Ahmadi</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Reza &#0; Karimi</t></is></c>"
                + "</row>");
    try (WorkbookSource source = WorkbookSource.open(file)) {
      assertThat(source.next().values()).containsExactly("Leila Ahmadi");
      UnreadableFileException failure = rejection(source::next);
      assertThat(failure.messageKey()).isEqualTo("file.bad_xlsx");
      assertThat(failure.getMessage())
          .contains("row 2")
          .doesNotContain("Leila")
          .doesNotContain("Reza")
          .doesNotContain("Karimi");
    }
  }

  @Test
  void externalEntitiesAreNotRead() throws Exception {
    Path secret = folder.resolve("secret.txt");
    Files.writeString(secret, "the secret");
    File file =
        writeSheetXml(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \""
                + secret.toUri()
                + "\">]><worksheet xmlns=\""
                + MAIN
                + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&secret;</t>"
                + "</is></c></row></sheetData></worksheet>");
    // Entities are not declared without the DTD: the reference breaks the sheet.
    UnreadableFileException failure = rejection(() -> open(file));
    assertThat(failure.messageKey()).isEqualTo("file.bad_xlsx");
    assertThat(failure.getMessage()).doesNotContain("the secret");
  }

  @Test
  void aZipBombIsRejectedBeforeItIsInflated() throws Exception {
    // 200 MB of one letter inside a cell, written in blocks: about 200 KB compressed.
    File file =
        writePackage(
            "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/>",
            sheet -> {
              sheet.write(
                  bytes(
                      "<worksheet xmlns=\""
                          + MAIN
                          + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"));
              byte[] block = new byte[1 << 20];
              Arrays.fill(block, (byte) 'a');
              for (int i = 0; i < 200; i++) {
                sheet.write(block);
              }
              sheet.write(bytes("</t></is></c></row></sheetData></worksheet>"));
            });
    assertThat(file.length()).isLessThan(2L << 20);

    UnreadableFileException failure = rejection(() -> open(file));
    assertThat(failure.messageKey()).isEqualTo("file.bad_xlsx");
    assertThat(failure.getMessage()).contains("zip bomb");
  }

  @Test
  void aLargeWorkbookIsReadInBoundedMemory() throws Exception {
    int rows = 300_000;
    int columns = 20;
    long began = System.nanoTime();
    LocalDate start = LocalDate.of(2020, 1, 1);
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    File file;
    try {
      Sheet sheet = workbook.createSheet("data");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      Row header = sheet.createRow(0);
      for (int c = 0; c < columns; c++) {
        header.createCell(c).setCellValue("column_" + c);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < columns; c++) {
          var cell = row.createCell(c);
          if (c % 4 == 0) {
            cell.setCellValue("office " + r + " / " + c);
          } else if (c == 1) {
            cell.setCellValue(start.plusDays(r % 2000));
            cell.setCellStyle(date);
          } else {
            cell.setCellValue(r * 31 + c);
          }
        }
      }
      file = write(workbook);
    } finally {
      workbook.close();
    }

    long written = System.nanoTime();
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long baseline = runtime.totalMemory() - runtime.freeMemory();
    long highest = 0;
    int read = 0;
    try (WorkbookSource source = WorkbookSource.open(file)) {
      assertThat(source.header()).hasSize(columns).startsWith("column_0");
      for (RawRecord record = source.next(); record != null; record = source.next()) {
        read++;
        if (read % 50_000 == 0) {
          assertThat(record.line()).isEqualTo(read + 1);
          assertThat(record.values())
              .hasSize(columns)
              .startsWith("office " + read + " / 0", start.plusDays(read % 2000).toString())
              .endsWith(Integer.toString(read * 31 + columns - 1));
          System.gc();
          long used = runtime.totalMemory() - runtime.freeMemory();
          highest = Math.max(highest, used);
          assertThat(highest - baseline).isLessThan(200L << 20);
        }
      }
    }
    assertThat(read).isEqualTo(rows);
    System.out.printf(
        "WorkbookSource: %d rows of a %d MB workbook (written in %d ms) read in %d ms;"
            + " heap used after GC: %d MB before opening, at most %d MB while reading%n",
        read,
        file.length() >> 20,
        (written - began) / 1_000_000,
        (System.nanoTime() - written) / 1_000_000,
        baseline >> 20,
        highest >> 20);
  }

  @Test
  void aClosedSourceReadsNoMore() throws Exception {
    XSSFWorkbook workbook = new XSSFWorkbook();
    workbook.createSheet("data").createRow(0).createCell(0).setCellValue("id");
    WorkbookSource source = WorkbookSource.open(write(workbook));
    source.close();
    source.close();
    assertThatThrownBy(source::next).isInstanceOf(IOException.class);
  }

  private static WorkbookSource open(File file) throws UnreadableFileException {
    WorkbookSource source = WorkbookSource.open(file);
    try {
      source.close();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return source;
  }
}
