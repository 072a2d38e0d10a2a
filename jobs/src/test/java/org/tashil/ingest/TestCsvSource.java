package org.tashil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV files read strictly, one record at a time, from their bytes. */
class TestCsvSource {

  /** A CSV file as read: the scan's encoding, then the source's header and records. */
  private record Read(FileScan scan, String delimiter, List<String> header, List<RawRecord> rows) {}

  private static Read read(byte[] bytes) throws IOException, UnreadableFileException {
    FileScan scan = FileScan.ofText(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    try (CsvSource source = CsvSource.open(new ByteArrayInputStream(bytes), scan.encoding())) {
      List<RawRecord> rows = new ArrayList<>();
      for (RawRecord record = source.next(); record != null; record = source.next()) {
        rows.add(record);
      }
      return new Read(scan, source.delimiter(), source.header(), rows);
    }
  }

  private static Read read(String text) throws IOException, UnreadableFileException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void commaSemicolonAndTabAreDetectedFromTheHeader() throws Exception {
    assertThat(read("a,b\n1,2\n").delimiter()).isEqualTo("comma");
    Read semicolon = read("a;b\n1,5;2\n");
    assertThat(semicolon.delimiter()).isEqualTo("semicolon");
    assertThat(semicolon.rows().get(0).values()).containsExactly("1,5", "2");
    assertThat(read("a\tb\n1\t2\n").delimiter()).isEqualTo("tab");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
    Read table = read("\uFEFFsurvey_id,members\nS-1,4\n");
    assertThat(table.scan().encoding().name()).isEqualTo("UTF-8-BOM");
    assertThat(table.header()).containsExactly("survey_id", "members");
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsWindows1256() throws Exception {
    byte[] bytes = "کد محله\nكوي علوي\n".replace('ک', 'ك').getBytes(FileScan.WINDOWS_1256);
    Read table = read(bytes);
    assertThat(table.scan().encoding().name()).isEqualTo("windows-1256");
    assertThat(table.rows().get(0).values()).containsExactly("كوي علوي");
  }

  @Test
  void utf8SplitAcrossTheScansBuffersIsStillUtf8() throws Exception {
    // A Persian letter (two bytes) straddles the scan's 64 KiB buffer boundary.
    String text = "a\n" + "x".repeat((1 << 16) - 3) + "ک\n";
    assertThat(read(text).scan().encoding().name()).isEqualTo("UTF-8");
  }

  @Test
  void recordsKeepTheirFirstLineAcrossQuotedNewlinesAndBlankLines() throws Exception {
    Read table = read("id,summary\r\n1,\"two\r\nlines\"\r\n\r\n2,x\r\n,\r\n3,y");
    assertThat(table.rows()).extracting(RawRecord::line).containsExactly(2, 5, 7);
    assertThat(table.rows().get(0).values().get(1)).isEqualTo("two\nlines");
  }

  @Test
  void aLoneCarriageReturnEndsALine() throws Exception {
    assertThat(read("id,n\r1,2\r3,4\r").rows()).extracting(RawRecord::line).containsExactly(2, 3);
  }

  @Test
  void formulaTextIsKeptAsText() throws Exception {
    Read table = read("id,summary\n1,\"=HYPERLINK(\"\"x\"\")\"\n");
    assertThat(table.rows().get(0).values().get(1)).isEqualTo("=HYPERLINK(\"x\")");
  }

  @Test
  void aRaggedRowKeepsItsOwnFieldCount() throws Exception {
    Read table = read("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");
    assertThat(table.rows()).extracting(row -> row.values().size()).containsExactly(2, 4, 3);
  }

  @Test
  void aQuoteLeftOpenRejectsTheFileNamingTheLineWhereItOpened() {
    String text = "id,summary\n1,ok\n2,\"pipe broken near house,09121234567\n3,later row\n4,x\n";
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("a quote (\") opened on line 3 is never closed")
        .hasMessageNotContaining("0912");
  }

  @Test
  void aQuoteLeftOpenInTheHeaderRejectsTheFile() {
    assertThatThrownBy(() -> read("id,\"summary\n1,2\n"))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("a quote (\") opened on line 1 is never closed");
  }

  @Test
  void textAfterAClosingQuoteRejectsTheFile() {
    assertThatThrownBy(() -> read("id,summary\n1,\"closed\" and more\n"))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("line 2 has text after a closing quote");
  }

  @Test
  void spacesAfterAClosingQuoteAreLayout() throws Exception {
    assertThat(read("id,summary\n1,\"closed\"  ,x\n").rows().get(0).values())
        .containsExactly("1", "closed", "x");
  }

  @Test
  void aFieldLongerThanAnyTableCellRejectsTheFile() {
    String text = "id,summary\n1," + "x".repeat(CsvSource.MAX_FIELD_CHARS + 1) + "\n";
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("longer than 100000 characters");
  }

  @Test
  void aBinaryFileIsFoundByTheScan() throws Exception {
    byte[] bytes = {'P', 'N', 'G', 0, 1, 2, 3};
    assertThat(FileScan.ofText(new ByteArrayInputStream(bytes), 100).binaryAt()).isEqualTo(3);
  }

  @Test
  void theScanStopsPastTheSizeLimit() throws Exception {
    FileScan scan = FileScan.ofText(new ByteArrayInputStream(new byte[1 << 20]), 1000);
    assertThat(scan.largerThan(1000)).isTrue();
    assertThat(scan.bytes()).isLessThan(1 << 20);
  }

  @Test
  void aHeaderOnlyFileHasNoRecords() throws Exception {
    assertThat(read("a,b\n").rows()).isEmpty();
  }

  @Test
  void aFileOfOnlyBlankLinesHasNoHeader() {
    assertThatThrownBy(() -> read("\n\n"))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the file has no header line");
  }

  @Test
  void blankLinesBeforeTheHeaderAreSkipped() throws Exception {
    Read table = read("\n\r\nid;n\n1;2\n");
    assertThat(table.delimiter()).isEqualTo("semicolon");
    assertThat(table.header()).containsExactly("id", "n");
    assertThat(table.rows()).extracting(RawRecord::line).containsExactly(4);
  }

  @Test
  void aQuoteLeftOpenAndClosedByAStrayQuoteRowsLaterRejectsTheFile() {
    String text =
        "demand_id,name,summary\n"
            + "D1,Ali Rezaei,\"pipe broken near house\n"
            + "D2,Sara Ahmadi,needs a 2\"\n"
            + "D3,Reza K,ok\n";
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("a quote (\") opened on line 2 is never closed")
        .hasMessageNotContaining("Sara");
  }

  @Test
  void aCellOfSeveralLinesIsNotARowOfItsOwn() throws Exception {
    Read table = read("id,a,summary\n1,x,\"first line, then\nsecond line\"\n2,y,z\n");
    assertThat(table.rows()).extracting(RawRecord::line).containsExactly(2, 4);
  }

  @Test
  void spacesBeforeAnOpeningQuoteAreLayout() throws Exception {
    assertThat(read("id,summary,n\n1, \"x, y\",2\n").rows().get(0).values())
        .containsExactly("1", "x, y", "2");
  }

  @Test
  void aLineOfDelimitersBeforeTheHeaderIsBlank() throws Exception {
    Read table = read(",,,\r\nid;n\r\n1;2\r\n");
    assertThat(table.delimiter()).isEqualTo("semicolon");
    assertThat(table.header()).containsExactly("id", "n");
    assertThat(table.rows()).extracting(RawRecord::line).containsExactly(3);
  }

  @Test
  void aHugeFirstLineIsNamedByItsLineNumberWhateverTheLineEnds() {
    String text = "\r\r\r" + "x".repeat(CsvSource.MAX_FIELD_CHARS + 1);
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("a cell ending on line 4 is longer than");
  }
}
