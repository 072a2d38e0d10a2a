package org.tashil.generate;

import java.util.Arrays;
import java.util.List;

/**
 * One way a real office file differs from the canonical one. A messy file is written in one or two
 * of the {@linkplain #ways() ways}, has a few broken rows and, rarely, a fault in the structure of
 * its CSV text ({@link #RAGGED_ROWS}, {@link #UNBALANCED_QUOTE}).
 */
enum Quirk {
  /** Numbers and dates in Persian digits (۰–۹). */
  PERSIAN_DIGITS,
  /** Arabic yeh and kaf (ي ك) instead of the Persian letters, as Arabic keyboards type them. */
  ARABIC_LETTERS,
  /** UTF-8 with a byte order mark, as Excel saves "CSV UTF-8". */
  BYTE_ORDER_MARK,
  /** Semicolon delimiter, KoboToolbox's default. */
  SEMICOLONS,
  TABS,
  /** An Excel workbook instead of CSV. */
  WORKBOOK,
  /** Persian headers and Persian enumeration labels, from the registry's aliases. */
  PERSIAN_HEADERS,
  /** KoboToolbox group paths as headers: {@code group_housing/water}. */
  KOBO_GROUPS,
  /** Planted personal data (a name, a mobile number, a national ID) and an unknown column. */
  PERSONAL_COLUMNS,
  /**
   * What Persian Excel writes: Windows-1256, Persian headers and labels, Arabic yeh and kaf. Never
   * valid UTF-8.
   */
  WINDOWS_1256,
  /**
   * A row or two with one field more or one fewer than the header: a delimiter typed in a cell, a
   * cell lost. The ingest quarantines each such row, keeping none of its values. CSV only.
   */
  RAGGED_ROWS,
  /**
   * A demand's summary that opens a quote and never closes it: the rest of the file is inside the
   * quote, and the ingest rejects the file whole. CSV only, and never in what Excel writes
   * (Windows-1256), since Excel escapes its quotes.
   */
  UNBALANCED_QUOTE;

  private static final List<Quirk> WAYS =
      Arrays.stream(values()).filter(quirk -> !quirk.fault()).toList();

  /** The ways a file is written, of which a messy file has one or two: every quirk but faults. */
  static List<Quirk> ways() {
    return WAYS;
  }

  /** Whether the quirk is a fault in the structure of the CSV text rather than a way of writing. */
  boolean fault() {
    return this == RAGGED_ROWS || this == UNBALANCED_QUOTE;
  }

  /** Whether one file can have both quirks. */
  boolean fitsWith(Quirk other) {
    return other != this && !excludes(other) && !other.excludes(this);
  }

  private boolean excludes(Quirk other) {
    return switch (this) {
      case PERSIAN_DIGITS -> other == WINDOWS_1256;
      case ARABIC_LETTERS, PERSONAL_COLUMNS -> false;
      case BYTE_ORDER_MARK -> other == WORKBOOK || other == WINDOWS_1256;
      case SEMICOLONS -> other == TABS || other == WORKBOOK;
      case TABS -> other == WORKBOOK;
      case WORKBOOK -> other == WINDOWS_1256;
      case PERSIAN_HEADERS -> other == KOBO_GROUPS;
      case KOBO_GROUPS -> other == WINDOWS_1256;
      case WINDOWS_1256 -> other == UNBALANCED_QUOTE;
      case RAGGED_ROWS -> other == WORKBOOK || other == UNBALANCED_QUOTE;
      case UNBALANCED_QUOTE -> other == WORKBOOK;
    };
  }
}
