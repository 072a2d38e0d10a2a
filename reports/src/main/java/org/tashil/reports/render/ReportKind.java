package org.tashil.reports.render;

import java.util.Locale;

/**
 * The kinds of report a period has, and where each is written in the period's folder: {@code
 * province.pdf}, {@code settlements/<settlement_id>.pdf}, {@code agencies/<agency_id>.pdf}, {@code
 * offices/<office_id>.pdf}. The kind's code is the {@code kind} column of {@code index.csv}.
 */
public enum ReportKind {
  PROVINCE(""),
  SETTLEMENT("settlements"),
  AGENCY("agencies"),
  OFFICE("offices");

  private final String folder;

  ReportKind(String folder) {
    this.folder = folder;
  }

  /** {@code province}, {@code settlement}: as {@code index.csv} writes it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The folder its files go in, inside the period's folder; empty for the period's folder. */
  public String folder() {
    return folder;
  }

  /**
   * The file of the report of {@code key} (empty for the province), with the extension {@code
   * extension}, relative to the period's folder.
   */
  public String file(String key, String extension) {
    return folder.isEmpty() ? code() + "." + extension : folder + "/" + key + "." + extension;
  }
}
