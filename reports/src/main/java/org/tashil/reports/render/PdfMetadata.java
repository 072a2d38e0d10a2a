package org.tashil.reports.render;

import static java.util.Objects.requireNonNull;

/** What a PDF says about itself (title, subject, keywords): period and warehouse version. */
record PdfMetadata(String title, String subject, String keywords) {

  PdfMetadata {
    requireNonNull(title, "title");
    requireNonNull(subject, "subject");
    requireNonNull(keywords, "keywords");
  }
}
