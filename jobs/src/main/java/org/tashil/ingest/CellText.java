package org.tashil.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The text of a worksheet cell's saved value, as an office typed or saw it: a shared string's text,
 * a number in a date format as its ISO date ({@code yyyy-MM-dd}), a whole number without {@code
 * .0}, a boolean as {@code true} or {@code false}. Nothing is evaluated. One per workbook: it holds
 * the workbook's shared strings, its styles and whether its dates count from 1904.
 */
final class CellText {

  private final SharedStrings sharedStrings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();

  CellText(SharedStrings sharedStrings, StylesTable styles, boolean date1904) {
    this.sharedStrings = sharedStrings;
    this.styles = styles;
    this.date1904 = date1904;
  }

  /**
   * The text of a saved value that is not empty, or null for an error cell.
   *
   * @param type the cell's {@code t} attribute ({@code s}, {@code str}, {@code b}, {@code e},
   *     {@code d}; {@code n} or any other for a number)
   * @param style the cell's {@code s} attribute, its index in the styles table; null for the first
   */
  String of(String type, String saved, String style) {
    return switch (type) {
      case "s" -> sharedStrings.getItemAt(Integer.parseInt(saved.trim())).getString();
      case "str" -> saved;
      case "b" -> booleanText(saved.trim());
      case "e" -> null;
      case "d" -> isoDateText(saved.trim());
      default -> numberText(Double.parseDouble(saved.trim()), style);
    };
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
  private static String numberText(double value) {
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
      } catch (DateTimeParseException e) {
        return saved;
      }
    }
    return saved;
  }
}
