package org.tashil.reports.text;

import java.text.NumberFormat;
import org.tashil.reports.model.Language;
import org.tashil.reports.model.Share;

/**
 * Numbers as a planner reads them, in the report's digits: Persian (۱٬۲۳۴٫۵) or Latin (1,234.5).
 * Shares print as percentages, a dash when there is no denominator, and {@code *} over fewer
 * households than the threshold. Not thread-safe (NumberFormat): one per report being filled.
 *
 * <p>It remembers whether it printed a share as {@code *} or as a dash, so that a report explains
 * those marks in a footnote only when it printed one.
 */
public final class Formats {

  public static final String DASH = "—";
  public static final String SUPPRESSED = "*";

  /** The Persian decimal separator (momayyez). */
  public static final char MOMAYYEZ = '\u066B';

  private final Language language;
  private final int threshold;
  private final NumberFormat integers;
  private final NumberFormat oneDecimal;
  private final NumberFormat threeDecimals;
  private final NumberFormat percent;
  private final NumberFormat wholePercent;
  private boolean printedSuppressed;
  private boolean printedNoShare;

  public Formats(Language language, int threshold) {
    this.language = language;
    this.threshold = threshold;
    this.integers = NumberFormat.getIntegerInstance(language.locale());
    this.oneDecimal = NumberFormat.getNumberInstance(language.locale());
    oneDecimal.setMinimumFractionDigits(0);
    oneDecimal.setMaximumFractionDigits(1);
    this.threeDecimals = NumberFormat.getNumberInstance(language.locale());
    threeDecimals.setMinimumFractionDigits(3);
    threeDecimals.setMaximumFractionDigits(3);
    this.percent = NumberFormat.getPercentInstance(language.locale());
    percent.setMinimumFractionDigits(1);
    percent.setMaximumFractionDigits(1);
    this.wholePercent = NumberFormat.getPercentInstance(language.locale());
    wholePercent.setMaximumFractionDigits(0);
  }

  public Language language() {
    return language;
  }

  public int threshold() {
    return threshold;
  }

  /** 1234 → "۱٬۲۳۴" / "1,234". */
  public String number(long value) {
    return integers.format(value);
  }

  /** Days or other measures: one decimal at most; a dash for null. */
  public String decimal(Double value) {
    return value == null ? DASH : oneDecimal.format(value);
  }

  /** A nullable count (oldest open days): a dash for null. */
  public String number(Long value) {
    return value == null ? DASH : number(value.longValue());
  }

  /** 0.452 → "۴۵٫۲٪" / "45.2%", without suppression: for shares of offices or demands. */
  public String percent(Double value) {
    return value == null ? DASH : percent.format(value);
  }

  /** A household share: "۴۵٫۲٪", "*" under the threshold, "—" without households. */
  public String share(Share share) {
    return householdShare(share, percent);
  }

  /** An index in 0–1 (M0) with three decimals: "۰٫۲۸۴" / "0.284". */
  public String index(Share share) {
    return householdShare(share, threeDecimals);
  }

  /** A household share as a chart label, in whole percent: "۴۵٪", "*" or "—". */
  public String chartLabel(Share share) {
    return householdShare(share, wholePercent);
  }

  private String householdShare(Share share, NumberFormat format) {
    if (!share.present()) {
      printedNoShare = true;
      return DASH;
    }
    if (isSuppressed(share)) {
      printedSuppressed = true;
      return SUPPRESSED;
    }
    return format.format(share.value());
  }

  /** Whether a share was printed as {@code *} (under the threshold) by this instance. */
  public boolean printedSuppressed() {
    return printedSuppressed;
  }

  /** Whether a household share was printed as a dash (no household) by this instance. */
  public boolean printedNoShare() {
    return printedNoShare;
  }

  /**
   * A dotted code such as SDG indicator "11.1.1" in the report's digits: "۱۱٫۱٫۱" in Persian, with
   * the Persian decimal separator (momayyez, U+066B) between the numbers, never a slash that would
   * read as a date; unchanged in English.
   */
  public String code(String dotted) {
    if (!language.rightToLeft()) {
      return dotted;
    }
    StringBuilder persian = new StringBuilder(dotted.length());
    for (char c : dotted.toCharArray()) {
      if (c >= '0' && c <= '9') {
        persian.append((char) ('\u06F0' + (c - '0')));
      } else if (c == '.') {
        persian.append(MOMAYYEZ);
      } else {
        persian.append(c);
      }
    }
    return persian.toString();
  }

  public boolean isSuppressed(Share share) {
    return share.suppressedUnder(threshold);
  }

  /** The share as a chart value: null (no bar) when absent or suppressed. */
  public Double chartValue(Share share) {
    return !share.present() || isSuppressed(share) ? null : share.value() * 100;
  }

  /** Text for this language: a right-to-left mark in front where Persian text needs one. */
  public String text(String text) {
    return language.rightToLeft() ? Bidi.rightToLeft(text) : text;
  }
}
