package org.tashil.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * The first sheet of an XLSX workbook read one row at a time, in memory bounded by one row plus the
 * workbook's shared strings, whatever the sheet's size. Parsing a workbook whole ({@code
 * XSSFWorkbook}) holds every cell as an object: a 5 MB workbook took about 1 GB of heap, so a few
 * large files sent at once could stop the job. Here the package is opened as a random access zip
 * (nothing inflated until read), and the sheet's XML is pulled with StAX, one {@code <row>} per
 * {@link #next()}.
 *
 * <p>POI's zip bomb guards ({@link ZipSecureFile}) stay at their defaults: an entry that inflates
 * beyond their ratio or size rejects the file. DTDs and external entities are not read.
 *
 * <p>Values stay text and nothing is evaluated: a formula gives the value its program last computed
 * and saved; a formula saved without one (by a program that does not compute formulas) has no
 * value, and its position is in {@link RawRecord#uncomputed()}. Numbers in a date format are ISO
 * dates ({@code yyyy-MM-dd}); whole numbers have no {@code .0}.
 */
final class WorkbookSource implements TableSource {

  /** Column XFD, the last one Excel has. */
  static final int MAX_COLUMNS = 16_384;

  private static final int REASON_CHARS = 200;

  private final OPCPackage workbook;
  private final InputStream sheetData;
  private final XMLStreamReader sheet;
  private final SharedStrings sharedStrings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  private final List<String> header;
  private boolean insideSheetData;
  private boolean finished;
  private UnreadableFileException failure;
  private boolean closed;
  private int lastRowNumber;

  private WorkbookSource(
      OPCPackage workbook,
      InputStream sheetData,
      XMLStreamReader sheet,
      SharedStrings sharedStrings,
      StylesTable styles,
      boolean date1904)
      throws UnreadableFileException {
    this.workbook = workbook;
    this.sheetData = sheetData;
    this.sheet = sheet;
    this.sharedStrings = sharedStrings;
    this.styles = styles;
    this.date1904 = date1904;
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
    requireZip(file);
    OPCPackage workbook;
    try {
      workbook = OPCPackage.open(file, PackageAccess.READ);
    } catch (OpenXML4JException | RuntimeException e) {
      throw unreadable("the package cannot be opened", e);
    }
    InputStream sheetData = null;
    XMLStreamReader sheet = null;
    boolean opened = false;
    try {
      XSSFReader reader = new XSSFReader(workbook);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableFileException("file.no_sheet");
      }
      boolean date1904 = readDate1904(reader);
      SharedStrings sharedStrings = new ReadOnlySharedStringsTable(workbook, false);
      StylesTable styles = reader.getStylesTable();
      sheetData = sheets.next();
      sheet = newXmlInputFactory().createXMLStreamReader(sheetData);
      WorkbookSource source =
          new WorkbookSource(workbook, sheetData, sheet, sharedStrings, styles, date1904);
      opened = true;
      return source;
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | XMLStreamException
        | RuntimeException e) {
      throw unreadable("the workbook cannot be read", e);
    } finally {
      if (!opened) {
        release(workbook, sheetData, sheet);
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
    IOException problem = null;
    try {
      sheet.close();
    } catch (XMLStreamException e) {
      problem = new IOException(e.getClass().getName(), e);
    }
    try {
      sheetData.close();
    } catch (IOException e) {
      if (problem == null) {
        problem = e;
      } else {
        problem.addSuppressed(e);
      }
    }
    // Opened READ: revert() closes the zip; close() would try to save the package.
    workbook.revert();
    if (problem != null) {
      throw problem;
    }
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
      failure = unreadable("the sheet cannot be read after row " + lastRowNumber, e);
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
    while (true) {
      int event = sheet.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
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
    while (true) {
      int event = sheet.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
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
    String value =
        switch (type) {
          case "s" -> sharedStrings.getItemAt(Integer.parseInt(saved.trim())).getString();
          case "str" -> saved;
          case "b" -> booleanText(saved.trim());
          case "e" -> null;
          case "d" -> isoDateText(saved.trim());
          default -> numberText(Double.parseDouble(saved.trim()), style);
        };
    return new Cell(emptyToNull(value), false);
  }

  /** The text of an {@code <is>}: its {@code <t>}, or its rich text runs' joined; no phonetics. */
  private String readInlineString() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = sheet.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return text.toString();
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (sheet.getLocalName()) {
        case "t" -> text.append(sheet.getElementText());
        case "r" -> readRun(text);
        default -> skipElement();
      }
    }
  }

  private void readRun(StringBuilder text) throws XMLStreamException {
    while (true) {
      int event = sheet.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      if (sheet.getLocalName().equals("t")) {
        text.append(sheet.getElementText());
      } else {
        skipElement();
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

  private String numberText(double value, String style) {
    if (isDateStyle(style)) {
      LocalDateTime date = DateUtil.getLocalDateTime(value, date1904);
      if (date != null) {
        return date.toLocalDate().toString();
      }
    }
    return numberText(value);
  }

  /** Whole numbers without {@code .0}; others as {@link Double#toString(double)} writes them. */
  static String numberText(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private boolean isDateStyle(String style) {
    if (styles == null || styles.getNumCellStyles() == 0) {
      return false;
    }
    int index = style == null ? 0 : Integer.parseInt(style.trim());
    if (index < 0 || index >= styles.getNumCellStyles()) {
      // Not cached: the cache stays as small as the styles table, whatever the sheet says.
      return false;
    }
    return dateStyles.computeIfAbsent(index, this::hasDateFormat);
  }

  private boolean hasDateFormat(int index) {
    XSSFCellStyle style = styles.getStyleAt(index);
    if (style == null) {
      return false;
    }
    int formatIndex = style.getDataFormat();
    String formatString = style.getDataFormatString();
    if (formatString == null) {
      formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
    }
    return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
  }

  private static String booleanText(String saved) {
    return switch (saved) {
      case "1", "true" -> "true";
      case "0", "false" -> "false";
      default -> saved;
    };
  }

  /** A {@code t="d"} cell (ISO 8601 text): its date when it starts with one. */
  private static String isoDateText(String saved) {
    if (saved.length() >= 10 && saved.charAt(4) == '-' && saved.charAt(7) == '-') {
      try {
        return LocalDate.parse(saved.substring(0, 10)).toString();
      } catch (java.time.format.DateTimeParseException e) {
        return saved;
      }
    }
    return saved;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** Whether the workbook counts its dates from 1904 ({@code <workbookPr date1904="1"/>}). */
  private static boolean readDate1904(XSSFReader reader)
      throws IOException, OpenXML4JException, XMLStreamException {
    try (InputStream data = reader.getWorkbookData()) {
      XMLStreamReader xml = newXmlInputFactory().createXMLStreamReader(data);
      try {
        while (xml.hasNext()) {
          if (xml.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = xml.getLocalName();
          if (name.equals("workbookPr")) {
            String value = xml.getAttributeValue(null, "date1904");
            return value != null && (value.trim().equals("1") || value.trim().equals("true"));
          }
          if (name.equals("sheets")) {
            // <workbookPr> comes before <sheets> when there is one.
            return false;
          }
        }
        return false;
      } finally {
        xml.close();
      }
    }
  }

  /**
   * Opens the file as a zip and closes it again: {@code OPCPackage.open} would read a file whose
   * zip directory is damaged (a truncated upload) as a stream instead, inflating every entry into
   * memory.
   */
  private static void requireZip(File file) throws UnreadableFileException {
    try (ZipSecureFile zip = new ZipSecureFile(file)) {
      if (!zip.getEntries().hasMoreElements()) {
        throw new UnreadableFileException("file.bad_xlsx", "the zip archive is empty");
      }
    } catch (IOException | RuntimeException e) {
      throw unreadable("the file cannot be read as a zip archive", e);
    }
  }

  private static XMLInputFactory newXmlInputFactory() {
    // The JDK's own parser, whatever else is on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  private static void release(OPCPackage workbook, InputStream sheetData, XMLStreamReader sheet) {
    if (sheet != null) {
      try {
        sheet.close();
      } catch (XMLStreamException e) {
        // Released anyway: the package is reverted below.
      }
    }
    if (sheetData != null) {
      try {
        sheetData.close();
      } catch (IOException e) {
        // As above.
      }
    }
    workbook.revert();
  }

  /**
   * A {@code file.bad_xlsx} whose reason names what failed and the exception's class, never its
   * message: a parser's message can quote the file's text, and cells hold personal data.
   */
  private static UnreadableFileException unreadable(String what, Throwable failure) {
    String reason;
    if (isZipBomb(failure)) {
      reason = what + ": a zip bomb (an entry inflates beyond the allowed ratio or size)";
    } else {
      reason = what + " (" + failure.getClass().getSimpleName() + ")";
    }
    if (reason.length() > REASON_CHARS) {
      reason = reason.substring(0, REASON_CHARS - 1) + "…";
    }
    return new UnreadableFileException("file.bad_xlsx", reason);
  }

  /** POI's guard says "Zip bomb detected!" in an IOException, however deep it is wrapped. */
  private static boolean isZipBomb(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 20; depth++) {
      if (cause instanceof IOException
          && cause.getMessage() != null
          && cause.getMessage().startsWith("Zip bomb detected")) {
        return true;
      }
      cause =
          cause.getCause() == null && cause instanceof XMLStreamException stream
              ? stream.getNestedException()
              : cause.getCause();
    }
    return false;
  }
}
