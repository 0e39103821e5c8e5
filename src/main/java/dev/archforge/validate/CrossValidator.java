package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.util.List;
import java.util.Optional;

/**
 * Checks that artifacts agree with each other (ports, users, names, numbers across files). Sees
 * every artifact at once; {@code generate} and {@code validate} run the same set after the
 * per-artifact {@link Validator}s.
 */
public interface CrossValidator {
  /** A short name shown with each finding. */
  String name();

  /** The problems found; empty when the artifacts agree. */
  List<Finding> validate(List<Artifact> all);

  /**
   * Why the rule checks nothing in these artifacts although its claim is made (the runtime it
   * reads is not the one written, or has no counterpart of the claim); empty when it applies.
   * {@code archforge validate} prints it ({@code n/a  rule: reason}), so that a rule never passes in silence.
   */
  default Optional<String> notApplicable(List<Artifact> all) {
    return Optional.empty();
  }
}
