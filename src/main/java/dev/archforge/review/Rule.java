package dev.archforge.review;

/**
 * One thing the review checks: a stable id (what {@code archforge:disable=<id>} and SARIF's
 * {@code ruleId} name), its default severity, a one-line title and how to fix what it finds.
 */
public record Rule(String id, Severity severity, String title, String help) {
  public Rule {
    if (!id.matches("[a-z][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*")) {
      throw new IllegalArgumentException("rule id must be lower-case words separated by '/': " + id);
    }
  }
}
