package dev.archforge.review;

import java.util.Locale;

/** How much a finding matters; {@code --fail-on} names the least that fails the review. */
public enum Severity {
  ERROR, WARNING, NOTE;

  /** The SARIF {@code level} and the name in the JSON and text reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is at least as severe as {@code other}. */
  public boolean reaches(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
