package org.tashil.reports.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.tashil.reports.model.Language;
import org.tashil.reports.tables.Cell;
import org.tashil.reports.tables.Table;
import org.tashil.reports.text.Formats;

/**
 * A report's tables as one XLSX workbook: a sheet per table, right to left in Persian, its header
 * row frozen, numbers as numeric cells with a number format (counts {@code #,##0}, shares {@code
 * 0.0%}, medians {@code 0.0}, M0 {@code 0.000}), {@code *} and {@code —} as text where the PDF
 * prints them, and the table's notes two rows under it. The same tables give the same cells; the
 * workbook's properties name the report as its PDF's metadata does.
 */
final class TableWorkbook {

  /** Widest a column is made, in characters. */
  private static final int WIDEST = 60;

  private TableWorkbook() {}

  static byte[] xlsx(
      List<Table> tables, Language language, PdfMetadata metadata, LocalDate generatedOn) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a workbook has at least one table");
    }
    try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook()) {
      Styles styles = new Styles(workbook);
      Set<String> names = new HashSet<>();
      for (Table table : tables) {
        if (!names.add(table.sheet().toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("two tables named " + table.sheet());
        }
        DeferredSXSSFSheet sheet = workbook.createSheet(table.sheet());
        layout(sheet, table, language, styles);
        sheet.setRowGenerator(rows -> write(rows, table, styles));
      }
      properties(workbook.getXSSFWorkbook().getProperties(), metadata, generatedOn);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
      // Nothing of a report goes through a temporary file, not even the workbook's frame.
      workbook.writeAvoidingTempFiles(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a workbook in memory", e);
    }
  }

  /**
   * What comes before a sheet's rows: its direction, the frozen header, each column's width (the
   * widest of its values, as shown) and its cells' styles, which the workbook writes ahead of every
   * sheet's rows.
   */
  private static void layout(Sheet sheet, Table table, Language language, Styles styles) {
    sheet.setRightToLeft(language.rightToLeft());
    sheet.createFreezePane(0, 1);
    int[] widths = new int[table.headers().size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = textWidth(table.headers().get(column));
    }
    for (List<Cell> values : table.rows()) {
      for (int column = 0; column < widths.length; column++) {
        Cell value = values.get(column);
        widths[column] = Math.max(widths[column], value.accept(WIDTH));
        if (value instanceof Cell.Decimal decimal) {
          styles.decimal(decimal.places());
        }
      }
    }
    for (int column = 0; column < widths.length; column++) {
      sheet.setColumnWidth(column, Math.min(WIDEST, Math.max(6, widths[column] + 2)) * 256);
    }
  }

  /**
   * A sheet's rows, made as the workbook is written: streamed a window of rows at a time rather
   * than held as a document of XML objects, which took most of a long report's workbook time.
   */
  private static void write(Sheet sheet, Table table, Styles styles) {
    Row header = sheet.createRow(0);
    for (int column = 0; column < table.headers().size(); column++) {
      org.apache.poi.ss.usermodel.Cell cell = header.createCell(column);
      cell.setCellValue(table.headers().get(column));
      cell.setCellStyle(styles.header);
    }
    int index = 1;
    for (List<Cell> values : table.rows()) {
      Row row = sheet.createRow(index++);
      for (int column = 0; column < table.headers().size(); column++) {
        set(row.createCell(column), values.get(column), styles);
      }
    }
    index++;
    for (String note : table.notes()) {
      org.apache.poi.ss.usermodel.Cell cell = sheet.createRow(index++).createCell(0);
      cell.setCellValue(note);
      cell.setCellStyle(styles.note);
    }
  }

  private static void set(org.apache.poi.ss.usermodel.Cell cell, Cell value, Styles styles) {
    value.accept(
        new Cell.Visitor<Void>() {
          @Override
          public Void count(Cell.Count count) {
            cell.setCellValue(count.value());
            cell.setCellStyle(styles.count);
            return null;
          }

          @Override
          public Void decimal(Cell.Decimal decimal) {
            cell.setCellValue(decimal.value());
            cell.setCellStyle(styles.decimal(decimal.places()));
            return null;
          }

          @Override
          public Void fraction(Cell.Fraction fraction) {
            cell.setCellValue(fraction.value());
            cell.setCellStyle(styles.percent);
            return null;
          }

          @Override
          public Void text(Cell.Text text) {
            cell.setCellValue(text.text());
            return null;
          }

          @Override
          public Void suppressed(Cell.Suppressed suppressed) {
            cell.setCellValue(Formats.SUPPRESSED);
            cell.setCellStyle(styles.mark);
            return null;
          }

          @Override
          public Void missing(Cell.Missing missing) {
            cell.setCellValue(Formats.DASH);
            cell.setCellStyle(styles.mark);
            return null;
          }
        });
  }

  /** About how many characters a value takes as shown. */
  private static final Cell.Visitor<Integer> WIDTH =
      new Cell.Visitor<>() {
        @Override
        public Integer count(Cell.Count count) {
          int digits = Long.toString(Math.abs(count.value())).length();
          return digits + (digits - 1) / 3 + 1;
        }

        @Override
        public Integer decimal(Cell.Decimal decimal) {
          return Long.toString(Math.round(Math.abs(decimal.value()))).length()
              + 2
              + decimal.places();
        }

        @Override
        public Integer fraction(Cell.Fraction fraction) {
          return 7;
        }

        @Override
        public Integer text(Cell.Text text) {
          return textWidth(text.text());
        }

        @Override
        public Integer suppressed(Cell.Suppressed suppressed) {
          return 1;
        }

        @Override
        public Integer missing(Cell.Missing missing) {
          return 1;
        }
      };

  /**
   * About how many widths of a digit a text takes: Persian letters (in whatever font the reader's
   * spreadsheet falls back to) run about a fifth wider than the Latin ones a column's width counts.
   */
  private static int textWidth(String text) {
    boolean latin = text.chars().allMatch(c -> c < 0x0590);
    return latin ? text.length() : (text.length() * 6 + 4) / 5;
  }

  private static void properties(
      POIXMLProperties properties, PdfMetadata metadata, LocalDate generatedOn) {
    POIXMLProperties.CoreProperties core = properties.getCoreProperties();
    core.setTitle(metadata.title());
    core.setSubjectProperty(metadata.subject());
    core.setKeywords(metadata.keywords());
    core.setCreator("Tashil");
    Date day = Date.from(generatedOn.atStartOfDay(ZoneOffset.UTC).toInstant());
    core.setCreated(Optional.of(day));
    core.setModified(Optional.of(day));
  }

  /** The workbook's cell styles, each made once (a workbook holds at most 64,000). */
  private static final class Styles {
    private final Workbook workbook;
    final CellStyle header;
    final CellStyle count;
    final CellStyle percent;
    final CellStyle mark;
    final CellStyle note;
    private final Map<Integer, CellStyle> decimals = new HashMap<>();

    Styles(Workbook workbook) {
      this.workbook = workbook;
      Font bold = workbook.createFont();
      bold.setBold(true);
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      count = numeric("#,##0");
      percent = numeric("0.0%");
      mark = workbook.createCellStyle();
      mark.setAlignment(HorizontalAlignment.CENTER);
      Font italic = workbook.createFont();
      italic.setItalic(true);
      note = workbook.createCellStyle();
      note.setFont(italic);
    }

    CellStyle decimal(int places) {
      return decimals.computeIfAbsent(
          places, count -> numeric(places == 0 ? "0" : "0." + "0".repeat(places)));
    }

    private CellStyle numeric(String format) {
      CellStyle style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat(format));
      return style;
    }
  }
}
