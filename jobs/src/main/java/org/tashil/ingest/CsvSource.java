package org.tashil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * An office's CSV file read one record at a time (RFC 4180), strictly: a quote still open at the
 * end of the file, or text after a closing quote, rejects the file whole, naming the line where the
 * quote opened. A lenient parser would swallow the rest of the file into one field, so later rows
 * vanish while the counts still add up, and their personal columns land in a kept one.
 *
 * <p>The delimiter (comma, semicolon or tab) is the one that occurs most often outside quotes in
 * the header line. Line ends are {@code \n}, {@code \r\n} or {@code \r}; a record's line is the
 * line it starts on. Memory is bounded by one record: a field longer than {@link #MAX_FIELD_CHARS}
 * or a record of more than {@link #MAX_FIELDS} fields rejects the file, since no office table holds
 * one.
 */
final class CsvSource implements TableSource {

  static final int MAX_FIELD_CHARS = 100_000;
  static final int MAX_FIELDS = 1_000;
  private static final char[] DELIMITERS = {',', ';', '\t'};
  private static final int END = CsvCharacters.END;

  private final CsvCharacters in;
  private final String encoding;
  private final char delimiter;
  private final List<String> header;
  private final StringBuilder field = new StringBuilder();

  /** The header's number of fields, once it is read; 0 while the header itself is read. */
  private int headerFields;

  private CsvSource(CsvCharacters in, String encoding, char delimiter)
      throws IOException, UnreadableFileException {
    this.in = in;
    this.encoding = encoding;
    this.delimiter = delimiter;
    RawRecord first = next();
    if (first == null) {
      throw new UnreadableFileException("file.no_header");
    }
    this.header = first.values();
    this.headerFields = header.size();
  }

  /**
   * Opens a CSV file's bytes as text in the encoding a {@link FileScan} found.
   *
   * @throws UnreadableFileException when the file has no header line, or the header is broken
   */
  static CsvSource open(InputStream bytes, FileScan.Encoding encoding)
      throws IOException, UnreadableFileException {
    bytes.skipNBytes(encoding.bomLength());
    Reader reader =
        new InputStreamReader(
            bytes,
            encoding
                .charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    // The delimiter comes from the first line that is not blank; that line is then read again as
    // the header record. Blank lines before it are skipped, not kept.
    StringBuilder header = new StringBuilder();
    int line = 1;
    int c;
    boolean afterCarriageReturn = false;
    while (true) {
      header.setLength(0);
      c = reader.read();
      if (afterCarriageReturn && c == '\n') {
        c = reader.read(); // the second half of the \r\n that ended the blank line
      }
      while (c != END && c != '\n' && c != '\r') {
        if (header.length() == MAX_FIELD_CHARS) {
          throw new UnreadableFileException("file.field_too_long", line, MAX_FIELD_CHARS);
        }
        header.append((char) c);
        c = reader.read();
      }
      if (c == END || !isBlankLine(header)) {
        break;
      }
      afterCarriageReturn = c == '\r';
      line++;
    }
    String headerLine = header.toString();
    String firstLine = c == END ? headerLine : headerLine + (char) c;
    return new CsvSource(
        new CsvCharacters(firstLine, reader, line), encoding.name(), detectDelimiter(headerLine));
  }

  /** A line with nothing but spaces, delimiters and quotes: no record, and no header. */
  private static boolean isBlankLine(CharSequence line) {
    return line.chars().allMatch(c -> Character.isWhitespace(c) || ",;\"".indexOf(c) >= 0);
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String encoding() {
    return encoding;
  }

  @Override
  public String delimiter() {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> String.valueOf(delimiter);
    };
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws IOException, UnreadableFileException {
    while (true) {
      int c = in.read();
      if (c == END) {
        return null;
      }
      int line = in.line();
      List<String> values = record(c);
      if (values.stream().anyMatch(value -> !value.isBlank())) {
        return new RawRecord(line, values);
      }
    }
  }

  /** The record whose first character is {@code c}; it ends at a line end or the file's end. */
  private List<String> record(int first) throws IOException, UnreadableFileException {
    List<String> values = new ArrayList<>();
    int c = first;
    while (true) {
      field.setLength(0);
      while (c == ' ') {
        append(c);
        c = in.read();
      }
      if (c == '"') {
        field.setLength(0); // spaces before an opening quote are layout
        c = quoted();
      } else {
        while (c != delimiter && c != '\n' && c != END) {
          append(c);
          c = in.read();
        }
      }
      values.add(field.toString());
      if (values.size() > MAX_FIELDS) {
        throw new UnreadableFileException("file.too_many_fields", in.line(), MAX_FIELDS);
      }
      if (c != delimiter) {
        return values; // a line end or the end of the file
      }
      c = in.read();
    }
  }

  /**
   * Reads a quoted field into {@link #field}; returns the character after it.
   *
   * <p>A quote left open is sometimes closed, much further on, by a stray quote (an inch mark, a
   * quoted word) that happens to end a cell: the rows between would become one cell. A line inside
   * a quoted cell with as many delimiters as a row has is such a row, so the file is rejected as
   * for a quote never closed; text typed in a cell has no such line.
   */
  private int quoted() throws IOException, UnreadableFileException {
    int opened = in.line();
    int delimitersOnLine = 0;
    while (true) {
      int c = in.read();
      if (c == END) {
        throw new UnreadableFileException("file.unbalanced_quote", opened);
      }
      if (c == '\n' || c == '"') {
        boolean aRowOfItsOwn =
            headerFields > 1 && in.line() > opened && delimitersOnLine >= headerFields - 1;
        if (aRowOfItsOwn) {
          throw new UnreadableFileException("file.unbalanced_quote", opened);
        }
      }
      if (c == '\n') {
        delimitersOnLine = 0;
      } else if (c == delimiter) {
        delimitersOnLine++;
      }
      if (c == '"') {
        c = in.read();
        if (c != '"') {
          // Spaces between a closing quote and the delimiter are layout, not text.
          while (c == ' ' || (c == '\t' && delimiter != '\t')) {
            c = in.read();
          }
          if (c != delimiter && c != '\n' && c != END) {
            throw new UnreadableFileException("file.text_after_quote", in.line(), opened);
          }
          return c;
        }
      }
      append(c);
    }
  }

  private void append(int c) throws UnreadableFileException {
    if (field.length() == MAX_FIELD_CHARS) {
      throw new UnreadableFileException("file.field_too_long", in.line(), MAX_FIELD_CHARS);
    }
    field.append((char) c);
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

  @Override
  public void close() throws IOException {
    in.close();
  }
}
