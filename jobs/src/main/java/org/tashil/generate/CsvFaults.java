package org.tashil.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Faults in the structure of a CSV file, which the spreadsheets and scripts of offices really
 * write: ragged rows (a field more or one fewer than the header) and a quote opened and never
 * closed. Only text files have them; the ingest cannot read such a row, or such a file, at all.
 */
final class CsvFaults {

  /**
   * Share of messy CSV files with ragged rows: about one in ten, a row or two each, a few dozen
   * rows in a year of the province.
   */
  static final double RAGGED_FILES = 0.1;

  /**
   * Share of messy CSV demands files with an unbalanced quote: demands are about a third of the
   * messy CSV files, so about one in a hundred of these, at most one file a period.
   */
  static final double UNBALANCED_QUOTE_FILES = 0.03;

  /** Share of files with ragged rows that have two of them rather than one. */
  private static final double TWO_RAGGED_ROWS = 1.0 / 3;

  private CsvFaults() {}

  /** A table with ragged rows, and how many rows it has with a field more or fewer. */
  record Ragged(RenderedTable table, int rows) {}

  /**
   * Makes one row ragged, or two in about one file of three: a delimiter typed in a cell splits it
   * in two, or a cell is lost (an empty one when the row has one). The key, in the first column, is
   * kept whole.
   *
   * @param table CSV cells: text or null
   * @param spared rows left whole (those broken otherwise), so that each ragged row is one more
   *     quarantined row
   */
  static Ragged raggedRows(RenderedTable table, BitSet spared, SplittableRandom random) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < table.rows().size(); i++) {
      if (!spared.get(i) && table.rows().get(i).length > 2) {
        candidates.add(i);
      }
    }
    int count = Math.min(candidates.size(), Draws.chance(TWO_RAGGED_ROWS, random) ? 2 : 1);
    if (count == 0) {
      return new Ragged(table, 0);
    }
    List<Object[]> rows = new ArrayList<>(table.rows());
    for (int made = 0; made < count; made++) {
      int row = candidates.remove(random.nextInt(candidates.size()));
      Object[] cells = rows.get(row);
      rows.set(row, random.nextBoolean() ? strayDelimiter(cells, random) : cellLost(cells, random));
    }
    return new Ragged(new RenderedTable(table.header(), rows), count);
  }

  /**
   * The cells with one split in two where a delimiter was typed: at a space of a text that has one
   * (what a clerk would type {@code ،} or {@code ,} for), else inside a text, else after a cell.
   */
  private static Object[] strayDelimiter(Object[] cells, SplittableRandom random) {
    List<Integer> spaced = new ArrayList<>();
    List<Integer> texts = new ArrayList<>();
    for (int i = 1; i < cells.length; i++) {
      if (cells[i] instanceof String text && text.length() > 1) {
        texts.add(i);
        if (text.indexOf(' ') > 0 && text.indexOf(' ') < text.length() - 1) {
          spaced.add(i);
        }
      }
    }
    List<Object> split = new ArrayList<>(Arrays.asList(cells));
    if (!spaced.isEmpty()) {
      int column = spaced.get(random.nextInt(spaced.size()));
      String text = (String) cells[column];
      List<Integer> spaces = new ArrayList<>();
      for (int i = 1; i < text.length() - 1; i++) {
        if (text.charAt(i) == ' ') {
          spaces.add(i);
        }
      }
      int at = spaces.get(random.nextInt(spaces.size()));
      split.set(column, text.substring(0, at));
      split.add(column + 1, text.substring(at + 1));
    } else if (!texts.isEmpty()) {
      int column = texts.get(random.nextInt(texts.size()));
      String text = (String) cells[column];
      int at = 1 + random.nextInt(text.length() - 1);
      split.set(column, text.substring(0, at));
      split.add(column + 1, text.substring(at));
    } else {
      split.add(1 + random.nextInt(cells.length - 1), null);
    }
    return split.toArray();
  }

  /** The cells without one: an empty one if the row has one, else any but the key. */
  private static Object[] cellLost(Object[] cells, SplittableRandom random) {
    List<Integer> empty = new ArrayList<>();
    for (int i = 1; i < cells.length; i++) {
      if (cells[i] == null) {
        empty.add(i);
      }
    }
    int lost =
        empty.isEmpty()
            ? 1 + random.nextInt(cells.length - 1)
            : empty.get(random.nextInt(empty.size()));
    List<Object> fewer = new ArrayList<>(Arrays.asList(cells));
    fewer.remove(lost);
    return fewer.toArray();
  }

  /**
   * The CSV text with a quote typed at the start of one row's cell in {@code column} (a demand's
   * summary: {@code "لوله آب شکسته است} with no closing quote), so that the rest of the file is
   * inside the quote: the row is one after the file's last quote character and has text in the
   * column. Every row is one line, since no cell holds a line break.
   *
   * @param text the CSV text of {@code table}, header first
   * @param column the column's position in the table's rows
   * @return the text with the quote, or null when no row has text in the column after the last
   *     quote
   */
  static String unbalancedQuote(
      String text, RenderedTable table, int column, char delimiter, SplittableRandom random) {
    int lastQuote = text.lastIndexOf('"');
    List<Integer> starts = new ArrayList<>();
    int start = text.indexOf('\n') + 1;
    for (int row = 0; row < table.rows().size() && start > 0 && start < text.length(); row++) {
      Object cell = table.rows().get(row)[column];
      if (start > lastQuote && cell instanceof String value && !value.isBlank()) {
        starts.add(start);
      }
      start = text.indexOf('\n', start) + 1;
    }
    if (starts.isEmpty()) {
      return null;
    }
    int at = starts.get(random.nextInt(starts.size()));
    for (int field = 0; field < column; field++) {
      at = text.indexOf(delimiter, at) + 1;
    }
    return text.substring(0, at) + '"' + text.substring(at);
  }
}
