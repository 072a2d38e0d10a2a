package org.tashil.generate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as CSV (RFC 4180 quoting): UTF-8 with LF line ends, or with a byte order mark, or
 * Windows-1256 with CRLF as Persian Excel saves it; comma, semicolon or tab.
 */
final class CsvFiles {

  static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvFiles() {}

  static byte[] write(RenderedTable table, FileStyle style) {
    return bytes(text(table, style), style);
  }

  /** The table as CSV text, before it is encoded. */
  static String text(RenderedTable table, FileStyle style) {
    boolean windows = style.has(Quirk.WINDOWS_1256);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(style.delimiter())
            .setRecordSeparator(windows ? "\r\n" : "\n")
            .get();
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, format)) {
      printer.printRecord(table.header());
      for (Object[] row : table.rows()) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** CSV text as the file's bytes: in its encoding, with a byte order mark if it has one. */
  static byte[] bytes(String text, FileStyle style) {
    if (style.has(Quirk.WINDOWS_1256)) {
      return encodeStrictly(text, WINDOWS_1256);
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (!style.has(Quirk.BYTE_ORDER_MARK)) {
      return utf8;
    }
    byte[] bytes = new byte[BYTE_ORDER_MARK.length + utf8.length];
    System.arraycopy(BYTE_ORDER_MARK, 0, bytes, 0, BYTE_ORDER_MARK.length);
    System.arraycopy(utf8, 0, bytes, BYTE_ORDER_MARK.length, utf8.length);
    return bytes;
  }

  /** Encodes, failing on any character the charset lacks rather than writing a question mark. */
  private static byte[] encodeStrictly(String text, Charset charset) {
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(
          "the generator wrote text that " + charset + " cannot encode: " + e.getMessage(), e);
    }
  }
}
