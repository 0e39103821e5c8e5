package dev.archforge.deliverable.containers;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Validator;

/** A validator of one kind of platform descriptor, shown under its name. */
abstract class DescriptorValidator implements Validator {
  private final Artifact.Kind kind;
  private final String name;

  DescriptorValidator(Artifact.Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean accepts(Artifact artifact) {
    return artifact.kind().equals(kind);
  }
}
