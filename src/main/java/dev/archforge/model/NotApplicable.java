package dev.archforge.model;

/**
 * A check across artifacts that had nothing to check in a run's artifacts although its claim is
 * made, and why ({@code CrossValidator.notApplicable}).
 *
 * @param rule the check's name
 * @param reason why it checks nothing here
 */
public record NotApplicable(String rule, String reason) {
  /** {@code rule: reason}, as {@code archforge validate} prints it. */
  @Override
  public String toString() {
    return rule + ": " + reason;
  }
}
