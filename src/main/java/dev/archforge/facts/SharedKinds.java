package dev.archforge.facts;

import dev.archforge.model.Artifact;

/**
 * The kinds that the deliverables writing those files and other stages both name: the deploy tree
 * (checked across files) and the API contracts (compared with the previous run's).
 */
public final class SharedKinds {
  public static final Artifact.Kind KUBERNETES = new Artifact.Kind("kubernetes");
  public static final Artifact.Kind DOCKERFILE = new Artifact.Kind("dockerfile");
  public static final Artifact.Kind OPENAPI = new Artifact.Kind("openapi");
  public static final Artifact.Kind GRAPHQL = new Artifact.Kind("graphql");
  public static final Artifact.Kind PROTO = new Artifact.Kind("proto");
  public static final Artifact.Kind ASYNCAPI = new Artifact.Kind("asyncapi");

  private SharedKinds() {}
}
