package dev.archforge.write;

/** The workspace could not be read or written; the message says what and where. Exit code 1. */
public final class WriteException extends RuntimeException {
  public WriteException(String message) {
    super(message);
  }

  public WriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
