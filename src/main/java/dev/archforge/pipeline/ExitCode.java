package dev.archforge.pipeline;

/** The process exit codes, named once. */
public enum ExitCode {
  /** Done. */
  OK(0),
  /** A bug or an environment failure (disk full, permissions). */
  INTERNAL(1),
  /** Bad usage or bad input; nothing was written. */
  BAD_INPUT(2),
  /** The rendered output failed validation; nothing was written. */
  INVALID_OUTPUT(3),
  /** A person must act: edited files or conflicts; nothing was written. */
  NEEDS_PERSON(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
