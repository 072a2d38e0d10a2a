package org.tashil.reports.tables;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tashil.reports.model.BilingualName;
import org.tashil.reports.model.DataQualityNote;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.RenderContext;
import org.tashil.reports.model.ReportPeriod;
import org.tashil.reports.model.Share;
import org.tashil.reports.tables.Table.Column;
import org.tashil.reports.text.Formats;
import org.tashil.reports.text.Labels;
import org.tashil.reports.view.NoteWording;

/**
 * What a report kind's tables are declared with: headers and sheet names from the labels, and the
 * report's values as typed cells in its language. Shares are suppressed here, by the rule the PDF
 * follows ({@link Formats#isSuppressed}), so a {@code *} in the PDF is a {@code *} in the sheet.
 * Not thread-safe: one per report.
 */
public final class TableWording {

  private final RenderContext context;
  private final Labels labels;
  private final Formats formats;
  private final NoteWording notes;
  private final NumberFormat twoDigits;
  private final org.tashil.reports.text.JalaliCalendar calendar;

  public TableWording(RenderContext context) {
    this.context = context;
    this.labels = Labels.of(context.language());
    this.formats = new Formats(context.language(), context.suppressionThreshold());
    this.notes = new NoteWording(labels, formats);
    this.calendar = new org.tashil.reports.text.JalaliCalendar(context.language());
    this.twoDigits = NumberFormat.getIntegerInstance(context.language().locale());
    twoDigits.setGroupingUsed(false);
    twoDigits.setMinimumIntegerDigits(2);
  }

  public Language language() {
    return context.language();
  }

  /** A header or a sheet's name: the label of {@code key}. */
  public String header(String key) {
    return labels.text(key);
  }

  /** The note under a table that has a suppressed share. */
  public String suppressedNote() {
    return labels.format("table.note.suppressed", context.suppressionThreshold());
  }

  public Cell count(long value) {
    return new Cell.Count(value);
  }

  /** A count that may be absent (no rank, nothing open): {@code —} when absent. */
  public Cell count(Number value) {
    return value == null ? new Cell.Missing() : new Cell.Count(value.longValue());
  }

  /** Days (a median): one decimal; {@code —} when absent. */
  public Cell days(Double value) {
    return value == null ? new Cell.Missing() : new Cell.Decimal(value, 1);
  }

  /** A share of offices or demands, never suppressed; {@code —} when absent. */
  public Cell percent(Double value) {
    return value == null ? new Cell.Missing() : new Cell.Fraction(value);
  }

  /** A share of households: {@code *} over too few households, {@code —} without any. */
  public Cell share(Share share) {
    if (!share.present()) {
      return new Cell.Missing();
    }
    return formats.isSuppressed(share) ? new Cell.Suppressed() : new Cell.Fraction(share.value());
  }

  /** An index in 0–1 (M0) with three decimals, suppressed as a share of households. */
  public Cell index(Share share) {
    if (!share.present()) {
      return new Cell.Missing();
    }
    return formats.isSuppressed(share) ? new Cell.Suppressed() : new Cell.Decimal(share.value(), 3);
  }

  /** A month's flow whose file did not arrive: "no file", never 0. */
  public Cell noFile() {
    return new Cell.Text(labels.text("value.no_file"));
  }

  public Cell text(String text) {
    return new Cell.Text(text);
  }

  /** The label of {@code key} as a cell. */
  public Cell label(String key) {
    return new Cell.Text(labels.text(key));
  }

  /** A registry name in the report's language. */
  public Cell name(BilingualName name) {
    return new Cell.Text(name.in(context.language()));
  }

  /**
   * A Jalali month as text that sorts as it reads: {@code ۱۴۰۵/۰۸} in Persian, {@code 1405/08} in
   * English. Text, not an Excel date: Excel's dates are Gregorian, and planners read Jalali ones.
   */
  public Cell month(ReportPeriod period) {
    return new Cell.Text(twoDigits.format(period.year()) + "/" + twoDigits.format(period.month()));
  }

  /**
   * A day as a Jalali date in text that sorts as it reads ({@code ۱۴۰۵/۰۸/۰۶}), for the reason
   * {@link #month} gives.
   */
  public Cell date(java.time.LocalDate day) {
    return new Cell.Text(calendar.numericDate(day));
  }

  /** A data-quality note worded as the PDF words it. */
  public Cell note(DataQualityNote note) {
    return new Cell.Text(note.accept(notes));
  }

  public <R> Column<R> column(String headerKey, Function<R, Cell> value) {
    return new Column<>(header(headerKey), value);
  }

  /** The table of {@code rows} on the sheet named by the label {@code sheetKey}. */
  @SafeVarargs
  public final <R> Table table(String sheetKey, List<R> rows, Column<R>... columns) {
    return Table.of(header(sheetKey), rows, suppressedNote(), columns);
  }

  /** A figure of a two-column table: its label's key and its value. */
  public record Figure(String labelKey, Cell value) {}

  public Figure figure(String labelKey, Cell value) {
    return new Figure(labelKey, value);
  }

  /** A table of figures, one a line: what it is, its value. */
  public Table figures(String sheetKey, List<Figure> figures) {
    return table(
        sheetKey,
        figures,
        column("table.column.figure", (Figure figure) -> label(figure.labelKey())),
        column("table.column.value", Figure::value));
  }

  /** Several groups of figures, in order, as one list. */
  @SafeVarargs
  public static List<Figure> concat(List<Figure>... groups) {
    return Arrays.stream(groups).flatMap(List::stream).toList();
  }
}
