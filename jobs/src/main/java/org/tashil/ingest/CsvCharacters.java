package org.tashil.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * A CSV file's characters as {@link CsvSource} reads them, one at a time: every line end ({@code
 * \r\n}, {@code \r}, {@code \n}) read as {@code \n}, and the line of the last character read. The
 * text already read to find the delimiter comes first, then the rest of the file.
 */
final class CsvCharacters {

  /** What {@link #read} gives at the end of the file. */
  static final int END = -1;

  private final String prefix;
  private final Reader rest;
  private final char[] buffer = new char[1 << 14];
  private int position;
  private int limit;
  private int prefixPosition;
  private int line;
  private boolean lineEnded;
  private int pushedBack = -2;

  CsvCharacters(String prefix, Reader rest, int firstLine) {
    this.prefix = prefix;
    this.rest = rest;
    this.line = firstLine;
  }

  /** The line of the character last returned. */
  int line() {
    return line;
  }

  int read() throws IOException {
    int c = raw();
    if (lineEnded) {
      line++;
      lineEnded = false;
    }
    if (c == '\r') {
      int next = raw();
      if (next != '\n') {
        pushedBack = next;
      }
      c = '\n';
    }
    if (c == '\n') {
      lineEnded = true; // the next character is on the next line
    }
    return c;
  }

  private int raw() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    if (prefixPosition < prefix.length()) {
      return prefix.charAt(prefixPosition++);
    }
    if (position == limit) {
      limit = rest.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return END;
      }
    }
    return buffer[position++];
  }

  void close() throws IOException {
    rest.close();
  }
}
