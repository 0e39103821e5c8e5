package dev.archforge.load;

/**
 * One problem in an input file, at a 1-based line and column.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param severity an error stops the run; a warning is reported and the run goes on
 * @param message what is wrong, with a hint where one helps
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code FILE:LINE:COLUMN: message}, with {@code warning: } before a warning's message. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
  }
}
