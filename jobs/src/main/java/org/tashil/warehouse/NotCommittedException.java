package org.tashil.warehouse;

/**
 * A commit that was not written, for certain: it failed before its commit file was written, or
 * another commit holds its version. No version lists the files it would have added, so the write
 * that made them removes them.
 */
final class NotCommittedException extends RuntimeException {

  NotCommittedException(String message, Throwable cause) {
    super(message, cause);
  }
}
