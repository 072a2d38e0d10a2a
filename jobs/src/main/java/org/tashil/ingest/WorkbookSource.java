package org.tashil.ingest;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first sheet of an XLSX workbook read one row at a time, in memory bounded by one row plus the
 * workbook's shared strings, whatever the sheet's size. Parsing a workbook whole ({@code
 * XSSFWorkbook}) holds every cell as an object, so a few large files sent at once could stop the
 * job. Here the package is opened as a random access zip ({@link WorkbookPackage}), and the sheet's
 * XML is pulled with StAX, one {@code <row>} per {@link #next()}.
 *
 * <p>Values stay text and nothing is evaluated: a formula gives the value its program last computed
 * and saved; a formula saved without one (by a program that does not compute formulas) has no
 * value, and its position is in {@link RawRecord#uncomputed()}. How a saved value reads as text is
 * {@link CellText}'s.
 *
 * <p>Longer than most files here: pulling a sheet's rows, their cells and inline strings is one
 * walk over one StAX reader, each element read up to its end, and it reads best in one place.
 */
final class WorkbookSource implements TableSource {

  /** Column XFD, the last one Excel has. */
  static final int MAX_COLUMNS = 16_384;

  private final WorkbookPackage workbook;
  private final XMLStreamReader sheet;
  private final CellText cellText;
  private final List<String> header;
  private boolean insideSheetData;
  private boolean finished;
  private UnreadableFileException failure;
  private boolean closed;
  private int lastRowNumber;

  private WorkbookSource(WorkbookPackage workbook) throws UnreadableFileException {
    this.workbook = workbook;
    this.sheet = workbook.sheet();
    this.cellText = workbook.cellText();
    RawRecord first = readRecord();
    if (first == null) {
      throw new UnreadableFileException("file.no_header");
    }
    this.header = first.values();
  }

  /**
   * Opens a workbook file and reads its first sheet up to the header row.
   *
   * @throws UnreadableFileException {@code file.bad_xlsx} when the file is no zip, a corrupt
   *     package or a zip bomb; {@code file.no_sheet} when the workbook has no sheet; {@code
   *     file.no_header} when the first sheet has no row that is not blank
   */
  static WorkbookSource open(File file) throws UnreadableFileException {
    WorkbookPackage workbook = WorkbookPackage.open(file);
    boolean opened = false;
    try {
      WorkbookSource source = new WorkbookSource(workbook);
      opened = true;
      return source;
    } catch (RuntimeException e) {
      throw WorkbookPackage.unreadable("the workbook cannot be read", e);
    } finally {
      if (!opened) {
        workbook.release();
      }
    }
  }

  @Override
  public String format() {
    return "xlsx";
  }

  @Override
  public String encoding() {
    return null;
  }

  @Override
  public String delimiter() {
    return null;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws UnreadableFileException, IOException {
    if (closed) {
      throw new IOException("the workbook is closed");
    }
    return readRecord();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    workbook.close();
  }

  /** The next row that is not blank, or null after the sheet's last row. */
  private RawRecord readRecord() throws UnreadableFileException {
    if (failure != null) {
      throw failure;
    }
    if (finished) {
      return null;
    }
    try {
      while (sheet.hasNext()) {
        int event = sheet.next();
        if (event == XMLStreamConstants.END_ELEMENT && insideSheetData) {
          // </sheetData>: what follows (merged cells, page setup) holds no rows.
          break;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = sheet.getLocalName();
        if (!insideSheetData) {
          if (name.equals("sheetData")) {
            insideSheetData = true;
          } else if (!name.equals("worksheet")) {
            skipElement();
          }
        } else if (name.equals("row")) {
          RawRecord record = readRow();
          if (record != null) {
            return record;
          }
        } else {
          skipElement();
        }
      }
      finished = true;
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      failure =
          WorkbookPackage.unreadable("the sheet cannot be read after row " + lastRowNumber, e);
      throw failure;
    } catch (UnreadableFileException e) {
      failure = e;
      throw e;
    }
  }

  /** Reads a {@code <row>} up to its end; null when the row is blank. */
  private RawRecord readRow() throws XMLStreamException, UnreadableFileException {
    String reference = sheet.getAttributeValue(null, "r");
    int rowNumber = reference == null ? lastRowNumber + 1 : Integer.parseInt(reference.trim());
    List<String> values = new ArrayList<>();
    Set<Integer> uncomputed = new TreeSet<>();
    int column = -1;
    while (nextChild()) {
      if (!sheet.getLocalName().equals("c")) {
        skipElement();
        continue;
      }
      column = cellColumn(sheet.getAttributeValue(null, "r"), column, rowNumber);
      Cell cell = readCell();
      while (values.size() <= column) {
        values.add(null);
      }
      values.set(column, cell.value);
      if (cell.uncomputed) {
        uncomputed.add(column);
      } else {
        uncomputed.remove(column);
      }
    }
    lastRowNumber = rowNumber;
    int end = values.size();
    while (end > 0 && values.get(end - 1) == null && !uncomputed.contains(end - 1)) {
      end--;
    }
    boolean blank =
        uncomputed.isEmpty() && values.stream().allMatch(value -> value == null || value.isBlank());
    if (blank) {
      return null;
    }
    return new RawRecord(rowNumber, values.subList(0, end), uncomputed);
  }

  /** A cell's column: from its reference ({@code C7} is 2), else the one after the previous. */
  private static int cellColumn(String reference, int previous, int rowNumber)
      throws UnreadableFileException {
    int column = 0;
    int letters = 0;
    if (reference != null) {
      for (; letters < reference.length(); letters++) {
        char letter = Character.toUpperCase(reference.charAt(letters));
        if (letter < 'A' || letter > 'Z') {
          break;
        }
        column = column * 26 + (letter - 'A' + 1);
        if (column > MAX_COLUMNS) {
          throw new UnreadableFileException(
              "file.bad_xlsx", "a cell beyond column XFD in row " + rowNumber);
        }
      }
    }
    if (letters == 0) {
      if (previous + 1 >= MAX_COLUMNS) {
        throw new UnreadableFileException(
            "file.bad_xlsx", "a cell beyond column XFD in row " + rowNumber);
      }
      return previous + 1;
    }
    return column - 1;
  }

  /** A cell's value and whether it is a formula saved without one. */
  private record Cell(String value, boolean uncomputed) {}

  /** Reads a {@code <c>} up to its end. */
  private Cell readCell() throws XMLStreamException {
    String type = sheet.getAttributeValue(null, "t");
    String style = sheet.getAttributeValue(null, "s");
    String saved = null;
    String inline = null;
    boolean formula = false;
    while (nextChild()) {
      switch (sheet.getLocalName()) {
        case "v" -> saved = sheet.getElementText();
        case "f" -> {
          formula = true;
          skipElement();
        }
        case "is" -> inline = readInlineString();
        default -> skipElement();
      }
    }
    if (type == null) {
      type = "n";
    }
    if (type.equals("inlineStr")) {
      String text = inline != null ? inline : saved;
      return new Cell(emptyToNull(text), formula && text == null);
    }
    boolean noValue = saved == null || saved.isEmpty();
    if (formula && noValue && !(type.equals("str") && saved != null)) {
      // No computed value saved. (An empty <v> of a text formula is Excel's ="", a computed "".)
      return new Cell(null, true);
    }
    if (noValue) {
      return new Cell(null, false);
    }
    return new Cell(emptyToNull(cellText.of(type, saved, style)), false);
  }

  /** The text of an {@code <is>}: its {@code <t>}, or its rich text runs' joined; no phonetics. */
  private String readInlineString() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (nextChild()) {
      switch (sheet.getLocalName()) {
        case "t" -> text.append(sheet.getElementText());
        case "r" -> readRun(text);
        default -> skipElement();
      }
    }
    return text.toString();
  }

  private void readRun(StringBuilder text) throws XMLStreamException {
    while (nextChild()) {
      if (sheet.getLocalName().equals("t")) {
        text.append(sheet.getElementText());
      } else {
        skipElement();
      }
    }
  }

  /**
   * Moves to the start of the next child of the element the reader is in, past text and comments;
   * false, at the element's end, when it has no more.
   */
  private boolean nextChild() throws XMLStreamException {
    while (true) {
      int event = sheet.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
    }
  }

  /** Skips the element the reader is at the start of, up to and including its end. */
  private void skipElement() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = sheet.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
