package org.tashil.ingest;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * An XLSX package opened for its first sheet: the package as a random access zip (nothing inflated
 * until read), the sheet's XML as a StAX stream, and the {@link CellText} of its cells. POI's zip
 * bomb guards ({@link ZipSecureFile}) stay at their defaults: an entry that inflates beyond their
 * ratio or size rejects the file. DTDs and external entities are not read.
 *
 * <p>Every failure is a {@code file.bad_xlsx} whose reason names what failed and the exception's
 * class, never its message: a parser's message can quote the file's text, and cells hold personal
 * data.
 */
final class WorkbookPackage implements Closeable {

  private static final int REASON_CHARS = 200;

  private final OPCPackage workbook;
  private final InputStream sheetData;
  private final XMLStreamReader sheet;
  private final CellText cellText;

  private WorkbookPackage(
      OPCPackage workbook, InputStream sheetData, XMLStreamReader sheet, CellText cellText) {
    this.workbook = workbook;
    this.sheetData = sheetData;
    this.sheet = sheet;
    this.cellText = cellText;
  }

  /**
   * Opens a workbook file at the start of its first sheet.
   *
   * @throws UnreadableFileException {@code file.bad_xlsx} when the file is no zip, a corrupt
   *     package or a zip bomb; {@code file.no_sheet} when the workbook has no sheet
   */
  static WorkbookPackage open(File file) throws UnreadableFileException {
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
      WorkbookPackage opening =
          new WorkbookPackage(
              workbook, sheetData, sheet, new CellText(sharedStrings, styles, date1904));
      opened = true;
      return opening;
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

  /** The first sheet's XML, read from its start. */
  XMLStreamReader sheet() {
    return sheet;
  }

  CellText cellText() {
    return cellText;
  }

  /** Closes the package after a failure, which is the one reported, whatever closing meets. */
  void release() {
    release(workbook, sheetData, sheet);
  }

  @Override
  public void close() throws IOException {
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

  /** A {@code file.bad_xlsx} naming what failed and the exception's class, never its message. */
  static UnreadableFileException unreadable(String what, Throwable failure) {
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
