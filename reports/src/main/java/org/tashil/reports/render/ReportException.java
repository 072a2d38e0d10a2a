package org.tashil.reports.render;

/** A report could not be filled, exported or written. */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
