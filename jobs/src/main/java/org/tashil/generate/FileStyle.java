package org.tashil.generate;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How one office file is written: the office's date style and the file's quirks (none for a clean
 * file: canonical UTF-8 comma CSV, canonical headers and values).
 *
 * @param dateCells whether a workbook holds real date cells rather than date text
 */
record FileStyle(Set<Quirk> quirks, DateStyle dates, boolean dateCells) {

  FileStyle {
    quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    Objects.requireNonNull(dates, "dates");
  }

  static FileStyle clean(DateStyle dates) {
    return new FileStyle(Set.of(), dates, false);
  }

  /** The same style without the quirk. */
  FileStyle without(Quirk quirk) {
    Set<Quirk> fewer = EnumSet.noneOf(Quirk.class);
    fewer.addAll(quirks);
    fewer.remove(quirk);
    return new FileStyle(fewer, dates, dateCells);
  }

  boolean has(Quirk quirk) {
    return quirks.contains(quirk);
  }

  boolean messy() {
    return !quirks.isEmpty();
  }

  boolean workbook() {
    return has(Quirk.WORKBOOK);
  }

  boolean persianHeaders() {
    return has(Quirk.PERSIAN_HEADERS) || has(Quirk.WINDOWS_1256);
  }

  boolean arabicLetters() {
    return has(Quirk.ARABIC_LETTERS) || has(Quirk.WINDOWS_1256);
  }

  char delimiter() {
    return has(Quirk.SEMICOLONS) ? ';' : has(Quirk.TABS) ? '\t' : ',';
  }
}
