package org.tashil.generate;

/**
 * One way a real office file differs from the canonical one. A messy file has one or two of them,
 * plus a few broken rows.
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
  WINDOWS_1256;

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
      case WINDOWS_1256 -> false;
    };
  }
}
