package org.tashil.cli;

/** A wrong option or configuration value: exit 2 with this message. */
public final class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
