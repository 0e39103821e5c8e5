package dev.archforge.deliverable.docker;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.SharedKinds;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.LambdaAdapter;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container images and the local runtime: {@code deploy/<name>/Dockerfile} and its
 * {@code Dockerfile.dockerignore} per deployable (multi-stage, pinned bases, numeric non-root
 * USER, one port, a HEALTHCHECK matching the Kubernetes probes), {@code deploy/docker-compose.yaml}
 * with the stateful services the plan chose, and {@code deploy/env/*.env.example} for its secrets.
 *
 * <p>The ignore file is BuildKit's per-Dockerfile one: a workspace path may not start with a dot.
 */
public final class DockerDeliverable implements Deliverable {
  static final String DOCKERFILE = "docker/Dockerfile.ftl";
  static final String IGNORE = "docker/Dockerfile.dockerignore.ftl";
  static final String COMPOSE = "docker/docker-compose.yaml.ftl";
  static final String ENV = "docker/service.env.example.ftl";
  public static final String COMPOSE_PATH = "deploy/docker-compose.yaml";

  @Override
  public String id() {
    return "docker";
  }

  /** Containers for Kubernetes and VMs; a serverless plan deploys functions, not images. */
  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    // every deployment runs these images, functions too (container-image functions)
    return plan.capacity() != null;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    List<Deployable> deployables = facts.deployables();
    List<Artifact> artifacts = new ArrayList<>();
    for (Deployable d : deployables) {
      DockerfileView view = DockerfileView.of(d, LambdaAdapter.of(plan, d));
      artifacts.add(new Artifact(dockerfilePath(d.name()), renderer.render(DOCKERFILE, view),
          SharedKinds.DOCKERFILE));
      artifacts.add(new Artifact("deploy/" + d.name() + "/Dockerfile.dockerignore", renderer.render(IGNORE, view),
          Artifact.Kind.TEXT));
    }
    artifacts.add(new Artifact(COMPOSE_PATH, renderer.render(COMPOSE, ComposeFile.view(deployables)),
        Artifact.Kind.YAML));
    for (EnvFileView env : ComposeFile.envFiles(deployables)) {
      artifacts.add(new Artifact("deploy/env/" + env.container() + ".env.example", renderer.render(ENV, env),
          Artifact.Kind.TEXT));
    }
    return artifacts;
  }

  @Override
  public List<String> warnings(Facts facts) {
    Plan plan = facts.plan();
    List<String> warnings = new ArrayList<>();
    if (Deployables.choice(plan, "deployment", "kubernetes").equals("vm")
        && !plan.blueprint().deliverables().contains("vm")) {
      warnings.add("deployment is vm: no Kubernetes manifests are generated; deploy/docker-compose.yaml describes"
          + " the runtime (Docker Compose on the VMs, or a starting point for your VM tooling).");
    }
    ComposeFile.view(facts.deployables()).notes().forEach(n -> warnings.add("docker-compose: " + n));
    warnings.addAll(Deployables.languageWarnings(facts.plan()));
    return warnings;
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return Layout.dockerfileOf(path) != null ? Optional.of(SharedKinds.DOCKERFILE) : Optional.empty();
  }

  static String dockerfilePath(String deployable) {
    return Layout.dockerfile(deployable);
  }
}
