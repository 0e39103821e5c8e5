package dev.archforge.review;

/**
 * One problem the review found.
 *
 * @param rule the rule it breaks (id, severity, how to fix)
 * @param path the file, relative to the reviewed folder, forward slashes
 * @param line 1-based, or 0 when the check cannot tell
 * @param message what is wrong here
 */
public record ReviewFinding(Rule rule, String path, int line, String message) {
  /** A message is one line: a parser's multi-line message is joined. */
  public ReviewFinding {
    message = message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  @Override
  public String toString() {
    return path + ":" + Math.max(line, 1) + ":1: " + rule.severity().label() + ": " + message + " [" + rule.id() + "]";
  }
}
