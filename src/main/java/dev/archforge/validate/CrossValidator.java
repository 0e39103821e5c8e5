package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.util.List;

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
}
