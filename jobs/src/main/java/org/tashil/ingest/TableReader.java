package org.tashil.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an office file into a {@link RawTable}: CSV in UTF-8 (with or without BOM), UTF-16 with
 * BOM, or Windows-1256 when the bytes are not UTF-8; comma, semicolon or tab detected from the
 * header line; or the first sheet of an XLSX workbook. Values stay text; nothing is evaluated.
 */
public final class TableReader {

  public static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
  private static final int BINARY_PROBE = 8192;
  private static final char[] DELIMITERS = {',', ';', '\t'};

  private TableReader() {}

  public static RawTable read(String fileName, byte[] bytes) throws UnreadableFileException {
    if (bytes.length == 0) {
      throw new UnreadableFileException("file.empty");
    }
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      return readWorkbook(bytes);
    }
    return readCsv(bytes);
  }

  static RawTable readCsv(byte[] bytes) throws UnreadableFileException {
    String encoding;
    String text;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      encoding = "UTF-16LE";
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      encoding = "UTF-16BE";
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    } else {
      rejectBinary(bytes);
      boolean bom =
          bytes.length >= 3
              && (bytes[0] & 0xFF) == 0xEF
              && (bytes[1] & 0xFF) == 0xBB
              && (bytes[2] & 0xFF) == 0xBF;
      int offset = bom ? 3 : 0;
      String utf8 = decodeStrictly(bytes, offset, StandardCharsets.UTF_8);
      if (utf8 != null) {
        encoding = bom ? "UTF-8-BOM" : "UTF-8";
        text = utf8;
      } else {
        encoding = "windows-1256";
        text = new String(bytes, offset, bytes.length - offset, WINDOWS_1256);
      }
    }
    return parseCsv(text, encoding);
  }

  private static RawTable parseCsv(String text, String encoding) throws UnreadableFileException {
    int firstLineEnd = firstLineEnd(text);
    String headerLine = text.substring(0, firstLineEnd);
    if (headerLine.isBlank()) {
      throw new UnreadableFileException("file.no_header");
    }
    char delimiter = detectDelimiter(headerLine);
    LineIndex lines = new LineIndex(text);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();
    List<String> header = null;
    List<RawRecord> records = new ArrayList<>();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        List<String> values = record.toList();
        if (header == null) {
          header = values;
          continue;
        }
        if (values.stream().allMatch(value -> value == null || value.isBlank())) {
          continue;
        }
        records.add(new RawRecord(lines.lineOf(text, record.getCharacterPosition()), values));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new UnreadableFileException("file.unreadable", shorten(e.getMessage()));
    }
    if (header == null) {
      throw new UnreadableFileException("file.no_header");
    }
    return new RawTable("csv", encoding, delimiterName(delimiter), header, records);
  }

  static RawTable readWorkbook(byte[] bytes) throws UnreadableFileException {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new UnreadableFileException("file.no_sheet");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      List<String> header = null;
      List<RawRecord> records = new ArrayList<>();
      for (Row row : sheet) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
          values.add(cellText(row.getCell(i), formatter));
        }
        if (values.stream().allMatch(value -> value == null || value.isBlank())) {
          continue;
        }
        if (header == null) {
          header = values;
        } else {
          records.add(new RawRecord(row.getRowNum() + 1, values));
        }
      }
      if (header == null) {
        throw new UnreadableFileException("file.no_header");
      }
      return new RawTable("xlsx", null, null, header, records);
    } catch (UnreadableFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException("file.bad_xlsx", shorten(String.valueOf(e.getMessage())));
    }
  }

  /** A cell as text: dates as ISO dates, formulas as their last computed value, never evaluated. */
  private static String cellText(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
              : numberText(cell.getNumericCellValue());
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
      case BLANK, ERROR, _NONE, FORMULA -> null;
    };
  }

  private static String numberText(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static void rejectBinary(byte[] bytes) throws UnreadableFileException {
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
      if (bytes[i] == 0) {
        throw new UnreadableFileException("file.binary", i);
      }
    }
  }

  private static String decodeStrictly(byte[] bytes, int offset, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int firstLineEnd(String text) {
    int newline = text.indexOf('\n');
    int end = newline < 0 ? text.length() : newline;
    return end > 0 && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  /** The delimiter that occurs most often outside quotes in the header line; comma on a tie. */
  static char detectDelimiter(String headerLine) {
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        for (int d = 0; d < DELIMITERS.length; d++) {
          if (c == DELIMITERS[d]) {
            counts[d]++;
          }
        }
      }
    }
    int best = 0;
    for (int d = 1; d < DELIMITERS.length; d++) {
      if (counts[d] > counts[best]) {
        best = d;
      }
    }
    return DELIMITERS[best];
  }

  private static String delimiterName(char delimiter) {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> String.valueOf(delimiter);
    };
  }

  private static String shorten(String message) {
    String text = message == null ? "unknown error" : message.replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** Maps a character position of the text to its 1-based line number. */
  private static final class LineIndex {
    private final int[] lineStarts;

    LineIndex(String text) {
      int[] starts = new int[16];
      int count = 0;
      starts[count++] = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
      lineStarts = Arrays.copyOf(starts, count);
    }

    /**
     * The line of the record starting at {@code position}, past the empty lines the parser skips.
     */
    int lineOf(String text, long start) {
      int position = (int) start;
      while (position < text.length()
          && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
        position++;
      }
      int index = Arrays.binarySearch(lineStarts, position);
      return (index >= 0 ? index : -index - 2) + 1;
    }
  }
}
