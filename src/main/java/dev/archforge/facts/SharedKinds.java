package dev.archforge.facts;

import dev.archforge.model.Artifact;

/**
 * The kinds of the deploy tree, which the deliverables that write those files and the checks across
 * files both name.
 */
public final class SharedKinds {
  public static final Artifact.Kind KUBERNETES = new Artifact.Kind("kubernetes");
  public static final Artifact.Kind DOCKERFILE = new Artifact.Kind("dockerfile");

  private SharedKinds() {}
}
