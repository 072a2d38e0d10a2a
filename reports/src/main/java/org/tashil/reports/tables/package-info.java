/**
 * Each report's tables as typed values, for the spreadsheet beside its PDF: one class per report
 * kind ({@link org.tashil.reports.tables.ProvinceTables}, {@link
 * org.tashil.reports.tables.SettlementTables}) declares every table of that report once, from its
 * record, through {@link org.tashil.reports.tables.TableWording} (headers from the labels, counts,
 * decimals, shares suppressed as the PDF suppresses them). A new report kind's tables are one more
 * such class, handed to {@code PeriodRenderer} with its PDF.
 */
package org.tashil.reports.tables;
