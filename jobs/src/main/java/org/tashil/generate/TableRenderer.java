package org.tashil.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tashil.calendar.JalaliDate;
import org.tashil.schema.Column;
import org.tashil.schema.ColumnType;
import org.tashil.schema.OfficeDataset;

/**
 * Writes a dataset's cells the way one file's style says: canonical or Persian headers, Kobo group
 * paths, canonical values or Persian labels, Gregorian or Jalali dates, Persian digits, Arabic
 * letters, planted personal columns.
 */
final class TableRenderer {

  /** Where KoboToolbox forms group each column. */
  private static final Map<String, String> KOBO_GROUPS =
      Map.ofEntries(
          Map.entry("survey_id", "meta"),
          Map.entry("household_code", "group_household"),
          Map.entry("settlement_id", "group_location"),
          Map.entry("surveyed_on", "meta"),
          Map.entry("members", "group_household"),
          Map.entry("habitable_rooms", "group_housing"),
          Map.entry("head_sex", "group_household"),
          Map.entry("head_age", "group_household"),
          Map.entry("head_employed", "group_household"),
          Map.entry("water", "group_services"),
          Map.entry("sanitation", "group_services"),
          Map.entry("electricity", "group_services"),
          Map.entry("piped_gas", "group_services"),
          Map.entry("walls", "group_housing"),
          Map.entry("tenure", "group_housing"),
          Map.entry("children_6_17", "group_children"),
          Map.entry("children_in_school", "group_children"),
          Map.entry("insured_members", "group_household"),
          Map.entry("hazard_zone", "group_hazard"),
          Map.entry("relocation_consent", "group_hazard"));

  private final PersianVocabulary vocabulary;
  private final Map<LocalDate, String> jalaliDates = new HashMap<>();

  TableRenderer(PersianVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * The file's header and rows.
   *
   * @param rows cells in schema order: text, Integer, LocalDate, {@link Verbatim} or null
   */
  RenderedTable render(
      OfficeDataset dataset, List<Object[]> rows, FileStyle style, SplittableRandom random) {
    List<Column> columns = dataset.schema().columns();
    Map<String, Map<String, String>> labels =
        style.persianHeaders() ? vocabulary.labelsForFile(dataset, random) : Map.of();
    List<String> header = new ArrayList<>();
    for (Column column : columns) {
      header.add(header(dataset, column.name(), style, random));
    }
    List<Object[]> written = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] cells = new Object[columns.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cell(columns.get(i), row[i], style, labels);
      }
      written.add(cells);
    }
    if (style.has(Quirk.PERSONAL_COLUMNS)) {
      plantPersonalColumns(dataset, header, written, random);
    }
    if (style.has(Quirk.PERSIAN_DIGITS) || style.arabicLetters()) {
      if (style.arabicLetters()) {
        header.replaceAll(TableRenderer::arabicLetters);
      }
      for (Object[] cells : written) {
        for (int i = 0; i < cells.length; i++) {
          if (cells[i] instanceof Integer number && style.has(Quirk.PERSIAN_DIGITS)) {
            cells[i] = number.toString();
          }
          if (cells[i] instanceof String text) {
            cells[i] = transform(text, style);
          }
        }
      }
    }
    return new RenderedTable(header, written);
  }

  private String header(
      OfficeDataset dataset, String column, FileStyle style, SplittableRandom random) {
    if (style.persianHeaders()) {
      return vocabulary.header(dataset, column, random);
    }
    if (style.has(Quirk.KOBO_GROUPS)) {
      return KOBO_GROUPS.getOrDefault(column, "group_" + dataset.tableName()) + "/" + column;
    }
    return column;
  }

  private Object cell(
      Column column, Object value, FileStyle style, Map<String, Map<String, String>> labels) {
    if (value == null) {
      return null;
    }
    if (value instanceof Verbatim verbatim) {
      return verbatim.text();
    }
    if (value instanceof LocalDate date) {
      if (style.workbook() && style.dateCells()) {
        return date;
      }
      return switch (style.dates()) {
        case GREGORIAN -> date.toString();
        case JALALI -> jalaliDates.computeIfAbsent(date, day -> JalaliDate.from(day).toString());
      };
    }
    if (value instanceof Integer number) {
      return style.workbook() ? number : number.toString();
    }
    String text = value.toString();
    if (column.type() == ColumnType.ENUM) {
      return labels.getOrDefault(column.name(), Map.of()).getOrDefault(text, text);
    }
    return text;
  }

  /**
   * Where the schema's column {@code index} is in the rows {@link #render} writes for the style:
   * after the personal columns planted behind the key.
   */
  static int position(OfficeDataset dataset, FileStyle style, int index) {
    return style.has(Quirk.PERSONAL_COLUMNS) && index > 0
        ? index + plantedAfterKey(dataset).size()
        : index;
  }

  /** The headers of the personal columns planted after the key. */
  private static List<String> plantedAfterKey(OfficeDataset dataset) {
    List<String> planted =
        new ArrayList<>(List.of(PersonalData.nameHeader(dataset), PersonalData.PHONE));
    if (dataset != OfficeDataset.ACTIVITIES) {
      planted.add(PersonalData.NATIONAL_ID);
    }
    return planted;
  }

  /** A name, a mobile number and (but for activities) a national ID after the key; remarks last. */
  private static void plantPersonalColumns(
      OfficeDataset dataset, List<String> header, List<Object[]> rows, SplittableRandom random) {
    List<String> planted = plantedAfterKey(dataset);
    header.addAll(1, planted);
    header.add(PersonalData.REMARKS);
    for (int r = 0; r < rows.size(); r++) {
      Object[] cells = rows.get(r);
      List<Object> widened = new ArrayList<>(cells.length + planted.size() + 1);
      widened.add(cells[0]);
      widened.add(PersonalData.name(random));
      widened.add(PersonalData.phone(random));
      if (dataset != OfficeDataset.ACTIVITIES) {
        widened.add(PersonalData.nationalId(random));
      }
      widened.addAll(Arrays.asList(cells).subList(1, cells.length));
      widened.add(PersonalData.remark(random));
      rows.set(r, widened.toArray());
    }
  }

  /** The value as typed on the file's keyboard: Persian digits, Arabic yeh and kaf. */
  private static String transform(String text, FileStyle style) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (style.has(Quirk.PERSIAN_DIGITS) && c >= '0' && c <= '9') {
        c = (char) ('\u06F0' + (c - '0'));
      } else if (style.arabicLetters()) {
        c = arabicLetter(c);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String arabicLetters(String text) {
    return text.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643');
  }

  /** Persian yeh and keheh as an Arabic keyboard types them; Windows-1256 lacks the Persian yeh. */
  private static char arabicLetter(char c) {
    return switch (c) {
      case '\u06CC' -> '\u064A';
      case '\u06A9' -> '\u0643';
      default -> c;
    };
  }
}
