package org.tashil.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as an Excel workbook: one sheet, the header in its first row, numbers as number
 * cells, dates as date cells or as text. Streams rows, so a large file costs little memory.
 */
final class WorkbookFiles {

  private static final int ROWS_IN_MEMORY = 200;

  private WorkbookFiles() {}

  /**
   * @param sheetName the sheet's name
   * @param created the date the workbook says it was created (fixed, so files repeat)
   */
  static byte[] write(RenderedTable table, String sheetName, LocalDate created) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      workbook
          .getXSSFWorkbook()
          .getProperties()
          .getCoreProperties()
          .setCreated(Optional.of(Date.from(created.atStartOfDay(ZoneOffset.UTC).toInstant())));
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      Sheet sheet = workbook.createSheet(sheetName);
      Row header = sheet.createRow(0);
      for (int i = 0; i < table.header().size(); i++) {
        header.createCell(i).setCellValue(table.header().get(i));
      }
      int rowNumber = 1;
      for (Object[] cells : table.rows()) {
        Row row = sheet.createRow(rowNumber++);
        for (int i = 0; i < cells.length; i++) {
          write(row, i, cells[i], dateStyle);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void write(Row row, int index, Object value, CellStyle dateStyle) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(index);
    if (value instanceof Integer number) {
      cell.setCellValue(number);
    } else if (value instanceof LocalDate date) {
      cell.setCellValue(date);
      cell.setCellStyle(dateStyle);
    } else {
      cell.setCellValue(value.toString());
    }
  }
}
