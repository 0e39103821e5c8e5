package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.util.List;

/** Checks one kind of artifact in memory. {@code generate} and {@code validate} run the same set. */
public interface Validator {
  /** A short name shown with each finding. */
  String name();

  /** Whether this validator checks artifacts of that kind. */
  boolean accepts(Artifact artifact);

  /** The problems found; empty when the artifact is valid. Called from several threads at once. */
  List<Finding> validate(Artifact artifact);
}
