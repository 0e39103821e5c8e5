package dev.archforge.condition;

/** A condition that cannot be read or does not make sense, with the place of the problem. */
public final class ConditionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  ConditionException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** The 0-based character index in the condition text where the problem is. */
  public int offset() {
    return offset;
  }
}
