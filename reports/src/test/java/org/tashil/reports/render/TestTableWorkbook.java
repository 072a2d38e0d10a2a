package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.tables.Cell;
import org.tashil.reports.tables.ProvinceTables;
import org.tashil.reports.tables.SettlementTables;
import org.tashil.reports.tables.Table;

/** The reports' tables as XLSX, read back through POI. */
class TestTableWorkbook {

  private static final PdfMetadata METADATA = new PdfMetadata("title", "subject", "keywords");

  private static Workbook province(Language language) throws IOException {
    RenderContext context = ReportFixtures.context(language);
    return read(
        TableWorkbook.xlsx(
            ProvinceTables.tables(ReportFixtures.province(), context),
            language,
            METADATA,
            context.generatedOn()));
  }

  private static Workbook settlement(
      org.tashil.reports.model.SettlementReport report, Language language) throws IOException {
    RenderContext context = ReportFixtures.context(language);
    return read(
        TableWorkbook.xlsx(
            SettlementTables.tables(report, context), language, METADATA, context.generatedOn()));
  }

  private static Workbook read(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static List<String> sheetNames(Workbook workbook) {
    List<String> names = new ArrayList<>();
    workbook.forEach(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  private static List<String> header(Sheet sheet) {
    List<String> cells = new ArrayList<>();
    sheet.getRow(0).forEach(cell -> cells.add(cell.getStringCellValue()));
    return cells;
  }

  /** The row whose first cells hold {@code value} as text, in the column given. */
  private static Row rowWith(Sheet sheet, int column, String value) {
    for (Row row : sheet) {
      var cell = row.getCell(column);
      if (cell != null
          && cell.getCellType() == CellType.STRING
          && cell.getStringCellValue().equals(value)) {
        return row;
      }
    }
    throw new AssertionError("no row with " + value + " in " + sheet.getSheetName());
  }

  @Test
  void theProvinceHasOneRightToLeftSheetPerTableWithAFrozenPersianHeader() throws IOException {
    try (Workbook workbook = province(Language.PERSIAN)) {
      assertThat(sheetNames(workbook))
          .containsExactly(
              "ارقام اصلی استان",
              "ده محرومیت",
              "کامل بودن ارسال دفاتر",
              "رتبه‌بندی سکونتگاه‌ها",
              "شهرستان‌ها",
              "عملکرد دستگاه‌ها",
              "مطالبات بر حسب موضوع",
              "روند دوازده ماه",
              "حریم خطر و جابه‌جایی",
              "کیفیت داده‌ها");
      for (Sheet sheet : workbook) {
        assertThat(sheet.isRightToLeft()).as(sheet.getSheetName()).isTrue();
        var pane = sheet.getPaneInformation();
        assertThat(pane).as(sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
        assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(6 * 256);
      }
      assertThat(header(workbook.getSheet("رتبه‌بندی سکونتگاه‌ها")))
          .containsExactly(
              "رتبه",
              "شناسهٔ سکونتگاه",
              "سکونتگاه",
              "شهرستان",
              "خانوار پیمایش‌شده",
              "پوشش",
              "زاغه‌نشین",
              "شاخص محرومیت");
    }
  }

  @Test
  void countsSharesAndIndicesAreNumbersWithTheirFormats() throws IOException {
    try (Workbook workbook = province(Language.PERSIAN)) {
      Sheet ranking = workbook.getSheet("رتبه‌بندی سکونتگاه‌ها");
      Row hasirabad = rowWith(ranking, 1, "AHV-001");
      assertThat(hasirabad.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(hasirabad.getCell(0).getNumericCellValue()).isEqualTo(3);
      assertThat(hasirabad.getCell(2).getStringCellValue()).isEqualTo("حصیرآباد");
      assertThat(hasirabad.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(hasirabad.getCell(4).getNumericCellValue()).isEqualTo(1240);
      assertThat(hasirabad.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(hasirabad.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(hasirabad.getCell(6).getNumericCellValue()).isEqualTo(0.823);
      assertThat(hasirabad.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      assertThat(new DataFormatter(java.util.Locale.ROOT).formatCellValue(hasirabad.getCell(6)))
          .isEqualTo("82.3%");
      assertThat(hasirabad.getCell(7).getNumericCellValue()).isEqualTo(0.229);
      assertThat(hasirabad.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.000");

      Sheet agencies = workbook.getSheet("عملکرد دستگاه‌ها");
      Row water = rowWith(agencies, 0, "water_wastewater");
      assertThat(water.getCell(7).getNumericCellValue()).isEqualTo(24.0);
      assertThat(water.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0");
      assertThat(water.getCell(8).getNumericCellValue()).isEqualTo(0.46);
      Row deeds = rowWith(agencies, 0, "deeds_registry");
      assertThat(deeds.getCell(7).getStringCellValue()).isEqualTo("—");

      Sheet trend = workbook.getSheet("روند دوازده ماه");
      assertThat(trend.getRow(1).getCell(0).getStringCellValue()).isEqualTo("۱۴۰۴/۰۹");
      assertThat(trend.getRow(12).getCell(0).getStringCellValue()).isEqualTo("۱۴۰۵/۰۸");
      assertThat(trend.getRow(12).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
    }
  }

  @Test
  void aSuppressedShareIsAStarWithANoteAndItsValueAppearsNowhere() throws IOException {
    try (Workbook workbook = province(Language.PERSIAN)) {
      Sheet ranking = workbook.getSheet("رتبه‌بندی سکونتگاه‌ها");
      Row mashali = rowWith(ranking, 1, "AHV-007");
      assertThat(mashali.getCell(0).getStringCellValue()).isEqualTo("—"); // no rank
      assertThat(mashali.getCell(4).getNumericCellValue()).isEqualTo(3); // a count is not hidden
      for (int column : new int[] {5, 6, 7}) {
        assertThat(mashali.getCell(column).getCellType()).isEqualTo(CellType.STRING);
        assertThat(mashali.getCell(column).getStringCellValue()).isEqualTo("*");
      }
      Row note = ranking.getRow(ranking.getLastRowNum());
      assertThat(note.getCell(0).getStringCellValue())
          .startsWith("* سهمی که کمتر از ۵ خانوار")
          .contains("نوشته نمی‌شود");
      assertThat(ranking.getRow(ranking.getLastRowNum() - 1)).isNull(); // a blank row above it
    }
    try (Workbook workbook = settlement(ReportFixtures.mashali(), Language.PERSIAN)) {
      Sheet deprivations = workbook.getSheet("ده محرومیت");
      for (int row = 1; row <= 10; row++) {
        assertThat(deprivations.getRow(row).getCell(1).getStringCellValue()).isEqualTo("*");
        assertThat(deprivations.getRow(row).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      }
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          row.forEach(
              cell -> {
                if (cell.getCellType() == CellType.NUMERIC) {
                  // Mashali's shares are 1, 2/3, 1/3, 0.55 over 3 households: none may show.
                  assertThat(cell.getNumericCellValue())
                      .as(sheet.getSheetName())
                      .isNotIn(2 / 3.0, 1 / 3.0, 0.55);
                }
              });
        }
      }
      assertThat(workbook.getSheet("زاغه‌نشینی و محرومیت").getRow(1).getCell(1).toString())
          .isEqualTo("*");
      assertThat(workbook.getSheet("ده محرومیت").getRow(12).getCell(0).getStringCellValue())
          .startsWith("* ");
    }
  }

  @Test
  void theSettlementsTablesInEnglishAreLeftToRight() throws IOException {
    try (Workbook workbook = settlement(ReportFixtures.hasirabad(), Language.ENGLISH)) {
      assertThat(sheetNames(workbook))
          .containsExactly(
              "Key figures",
              "Ten deprivations",
              "Slums and deprivation",
              "Demands this month",
              "Demands by category",
              "Last twelve months",
              "Oldest open demands",
              "Hazard zone and relocation",
              "Trust-building activities",
              "Data quality");
      for (Sheet sheet : workbook) {
        assertThat(sheet.isRightToLeft()).isFalse();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      }
      Sheet key = workbook.getSheet("Key figures");
      assertThat(header(key)).containsExactly("Figure", "Value");
      assertThat(rowWith(key, 0, "Households surveyed").getCell(1).getNumericCellValue())
          .isEqualTo(1240);
      assertThat(rowWith(key, 0, "Settlement").getCell(1).getStringCellValue())
          .isEqualTo("Hasirabad");
      Sheet poverty = workbook.getSheet("Slums and deprivation");
      assertThat(
              rowWith(poverty, 0, "Deprivation rank (M0), 1 = most deprived")
                  .getCell(1)
                  .getNumericCellValue())
          .isEqualTo(3);
      Sheet open = workbook.getSheet("Oldest open demands");
      assertThat(header(open))
          .containsExactly("Demand", "Category", "Responsible agency", "Days open");
      assertThat(open.getRow(1).getCell(0).getStringCellValue()).isEqualTo("D-1398-0412");
      assertThat(open.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(412);
      Sheet activities = workbook.getSheet("Trust-building activities");
      var women = rowWith(activities, 0, "Women among participants").getCell(1);
      assertThat(women.getNumericCellValue()).isEqualTo(171 / 386.0);
      assertThat(women.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      Sheet notes = workbook.getSheet("Data quality");
      assertThat(notes.getRow(1).getCell(0).getStringCellValue()).contains("rejected");
      assertThat(notes.getLastRowNum()).isEqualTo(2); // two notes, no star: no footnote
    }
  }

  @Test
  void theSameReportGivesTheSameCells() throws IOException {
    try (Workbook first = province(Language.PERSIAN);
        Workbook second = province(Language.PERSIAN)) {
      assertThat(cells(second)).isEqualTo(cells(first)).hasSizeGreaterThan(300);
    }
  }

  private static List<String> cells(Workbook workbook) {
    List<String> cells = new ArrayList<>();
    for (Sheet sheet : workbook) {
      for (Row row : sheet) {
        row.forEach(
            cell ->
                cells.add(
                    sheet.getSheetName()
                        + "!"
                        + cell.getAddress()
                        + "="
                        + cell
                        + " "
                        + cell.getCellStyle().getDataFormatString()));
      }
    }
    return cells;
  }

  /**
   * A long follow-up list goes out a window of rows at a time, every row in its place, and no part
   * of it (or of the workbook's frame) through a temporary file, where a report's rows would
   * outlive the render.
   */
  @Test
  void aLongTableIsWrittenWhole_withoutATemporaryFile() throws IOException {
    int count = 5_000;
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(List.of(new Cell.Text("D-" + i), new Cell.Count(i), new Cell.Decimal(i / 8.0, 2)));
    }
    Table table = new Table("فهرست", List.of("شناسه", "روز", "میانه"), rows, List.of("یادداشت"));
    TempFile.setTempFileCreationStrategy(
        new TempFileCreationStrategy() {
          @Override
          public File createTempFile(String prefix, String suffix) {
            throw new AssertionError("a temporary file " + prefix + suffix);
          }

          @Override
          public File createTempDirectory(String prefix) {
            throw new AssertionError("a temporary folder " + prefix);
          }
        });
    byte[] bytes;
    try {
      bytes =
          TableWorkbook.xlsx(List.of(table), Language.PERSIAN, METADATA, LocalDate.of(2026, 11, 1));
    } finally {
      TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }
    try (Workbook workbook = read(bytes)) {
      Sheet sheet = workbook.getSheet("فهرست");
      assertThat(sheet.getLastRowNum()).isEqualTo(count + 2);
      Row last = sheet.getRow(count);
      assertThat(last.getCell(0).getStringCellValue()).isEqualTo("D-" + (count - 1));
      assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(count - 1);
      assertThat(last.getCell(2).getNumericCellValue()).isEqualTo((count - 1) / 8.0);
      assertThat(last.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(sheet.getRow(count + 2).getCell(0).getStringCellValue()).isEqualTo("یادداشت");
      assertThat(sheet.getColumnWidth(0)).isEqualTo(8 * 256);
    }
  }

  @Test
  void everySheetNameIsOneExcelTakes() {
    for (Language language : Language.values()) {
      RenderContext context = ReportFixtures.context(language);
      List<Table> tables =
          new ArrayList<>(ProvinceTables.tables(ReportFixtures.province(), context));
      tables.addAll(SettlementTables.tables(ReportFixtures.hasirabad(), context));
      for (Table table : tables) {
        assertThat(table.sheet()).hasSizeBetween(1, 31).doesNotContain(":", "/", "?", "*", "[");
      }
    }
    List<String> headers = List.of("a");
    List<List<Cell>> rows = List.of();
    assertThatThrownBy(() -> new Table("x".repeat(32), headers, rows, List.of()))
        .hasMessageContaining("1–31 characters");
    assertThatThrownBy(() -> new Table("a/b", headers, rows, List.of()))
        .hasMessage("a sheet's name has no '/': 'a/b'");
    assertThatThrownBy(() -> new Table("'quoted'", headers, rows, List.of()))
        .hasMessageContaining("apostrophe");
  }
}
