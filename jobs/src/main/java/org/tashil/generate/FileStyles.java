package org.tashil.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.tashil.schema.OfficeDataset;

/**
 * Decides how each file is written: a {@code messy} share of files get one or two quirks, and a few
 * of those that are CSV a fault (ragged rows; rarely an unbalanced quote); each office keeps its
 * own date style, Jalali for about three offices in four.
 */
final class FileStyles {

  private final long seed;
  private final double messyShare;

  FileStyles(long seed, double messyShare) {
    this.seed = seed;
    this.messyShare = messyShare;
  }

  DateStyle dateStyle(String officeId) {
    return Seeds.random(seed, "dates", officeId).nextDouble() < 0.75
        ? DateStyle.JALALI
        : DateStyle.GREGORIAN;
  }

  FileStyle style(Month month, String officeId, OfficeDataset dataset) {
    SplittableRandom random = Seeds.random(seed, "style", month, officeId, dataset.tableName());
    DateStyle dates = dateStyle(officeId);
    if (random.nextDouble() >= messyShare) {
      return FileStyle.clean(dates);
    }
    Set<Quirk> quirks = EnumSet.of(pick(Quirk.ways(), random));
    if (random.nextBoolean()) {
      List<Quirk> fitting = new ArrayList<>();
      for (Quirk quirk : Quirk.ways()) {
        if (fits(quirks, quirk)) {
          fitting.add(quirk);
        }
      }
      if (!fitting.isEmpty()) {
        quirks.add(pick(fitting, random));
      }
    }
    addFault(quirks, month, officeId, dataset);
    return new FileStyle(quirks, dates, dateCells(quirks, dates, random));
  }

  /**
   * A fault for a messy CSV file, drawn from streams of its own so that the file's other quirks do
   * not depend on it: an unbalanced quote in about {@value CsvFaults#UNBALANCED_QUOTE_FILES} of
   * demands files, never for the same office two months running; otherwise ragged rows in about
   * {@value CsvFaults#RAGGED_FILES} of files.
   */
  private void addFault(Set<Quirk> quirks, Month month, String officeId, OfficeDataset dataset) {
    if (dataset == OfficeDataset.DEMANDS
        && fits(quirks, Quirk.UNBALANCED_QUOTE)
        && unbalancedQuoteDrawn(month, officeId)
        && !unbalancedQuoteDrawn(month.previous(), officeId)) {
      quirks.add(Quirk.UNBALANCED_QUOTE);
    } else if (fits(quirks, Quirk.RAGGED_ROWS)
        && Draws.chance(
            CsvFaults.RAGGED_FILES,
            Seeds.random(seed, "ragged", month, officeId, dataset.tableName()))) {
      quirks.add(Quirk.RAGGED_ROWS);
    }
  }

  /**
   * Whether the office's demands file of the month would get an unbalanced quote if it is messy
   * CSV: a draw of the month and office alone, so that the month before can be asked too.
   */
  private boolean unbalancedQuoteDrawn(Month month, String officeId) {
    return Draws.chance(
        CsvFaults.UNBALANCED_QUOTE_FILES, Seeds.random(seed, "unbalanced-quote", month, officeId));
  }

  private static boolean fits(Set<Quirk> chosen, Quirk quirk) {
    return chosen.stream().allMatch(other -> other.fitsWith(quirk));
  }

  /** The style of the file that is written in Windows-1256 whatever was drawn for it. */
  FileStyle windows1256(String officeId) {
    return new FileStyle(Set.of(Quirk.WINDOWS_1256), dateStyle(officeId), false);
  }

  private static boolean dateCells(Set<Quirk> quirks, DateStyle dates, SplittableRandom random) {
    return quirks.contains(Quirk.WORKBOOK) && dates == DateStyle.GREGORIAN && random.nextBoolean();
  }

  private static Quirk pick(List<Quirk> quirks, SplittableRandom random) {
    Weights.Builder weights = Weights.builder();
    for (Quirk quirk : quirks) {
      weights.add(quirk.name(), weight(quirk));
    }
    return Quirk.valueOf(weights.build().pick(random));
  }

  /**
   * Workbooks, Kobo's semicolons, Persian headers and planted personal data are the most common.
   */
  private static double weight(Quirk quirk) {
    return switch (quirk) {
      case WORKBOOK, SEMICOLONS, PERSIAN_HEADERS, PERSONAL_COLUMNS -> 1.5;
      case PERSIAN_DIGITS, ARABIC_LETTERS, BYTE_ORDER_MARK, TABS, KOBO_GROUPS, WINDOWS_1256 -> 1;
      case RAGGED_ROWS, UNBALANCED_QUOTE ->
          throw new IllegalArgumentException(quirk + " is a fault, not a way of writing");
    };
  }
}
