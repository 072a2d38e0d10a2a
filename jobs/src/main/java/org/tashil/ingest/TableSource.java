package org.tashil.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * An office file read one record at a time, in memory bounded by one record, whatever the file's
 * size: a CSV file ({@link CsvSource}) or the first sheet of an XLSX workbook ({@link
 * WorkbookSource}). Values stay text; nothing is evaluated.
 */
interface TableSource extends Closeable {

  /** {@code csv} or {@code xlsx}. */
  String format();

  /** The character encoding a CSV file is decoded with; null for a workbook. */
  String encoding();

  /** The CSV delimiter detected from the header line ({@code comma}, …); null for a workbook. */
  String delimiter();

  /** The header: the file's first record that is not blank. */
  List<String> header();

  /**
   * The next record that is not blank, or null after the last one.
   *
   * @throws UnreadableFileException when the file's structure breaks further on (an unbalanced
   *     quote, a corrupt sheet): the file is rejected whole
   * @throws IOException when the file cannot be read further
   */
  RawRecord next() throws UnreadableFileException, IOException;
}
