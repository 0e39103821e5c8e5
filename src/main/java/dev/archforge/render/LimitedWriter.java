package dev.archforge.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Collects a template's output up to a size, and while time is left: a template that writes more,
 * or keeps writing past its deadline, is stopped with the reason.
 */
final class LimitedWriter extends Writer {
  private final StringBuilder text = new StringBuilder();
  private final int maxChars;
  private final long deadlineNanos;

  LimitedWriter(int maxChars, long deadlineNanos) {
    this.maxChars = maxChars;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (text.length() + length > maxChars) {
      throw new LimitException("its output passed " + maxChars / (1024 * 1024) + " MiB");
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new LimitException("it ran out of time");
    }
    text.append(chars, offset, length);
  }

  @Override
  public void flush() {
    // nothing buffered elsewhere
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** A limit was reached. */
  static final class LimitException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }
  }
}
