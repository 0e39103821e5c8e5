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

  /**
   * Loads what validation needs (schemas, parsers' classes) ahead of the first artifact; a run
   * calls it on a spare core while it renders. Validation works without it.
   */
  default void prepare() {}
}
