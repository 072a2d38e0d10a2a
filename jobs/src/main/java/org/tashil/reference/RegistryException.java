package org.tashil.reference;

/** The reference registry cannot be used: a file is missing or a row is wrong. A usage error. */
public class RegistryException extends RuntimeException {

  public RegistryException(String message) {
    super(message);
  }
}
