package dev.archforge.deliverable.containers;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy/<platform>/}: for {@code deployment: managed-containers}, each deployable's
 * descriptor on the chosen cloud's platform, running the image the docker deliverable builds —
 * a Cloud Run service YAML (a Knative Service; also for cloud {@code any}), an ECS task definition
 * and service (JSON, the API's own input), or an Azure Container App (YAML) — with its instance
 * floor and ceiling from CAPACITY.md, health checks, a non-root user, secrets by reference to the
 * cloud's secret manager and ingress only for public deployables.
 */
public final class ManagedContainersDeliverable implements Deliverable {
  @Override
  public String id() {
    return "managed-containers";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return plan.capacity() != null && Deployables.choice(plan, "deployment", "").equals("managed-containers")
        && !Deployables.choice(plan, "architecture-style", "").equals("serverless");
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    Platform platform = Platform.of(plan.requirements().project().cloud());
    String region = plan.cells().primaryRegion().orElseThrow();
    List<ContainerView> views = views(plan, platform, facts.deployables());
    List<Artifact> artifacts = new ArrayList<>();
    for (ContainerView v : views) {
      artifacts.addAll(descriptors(platform, v, renderer));
    }
    PlatformView readme = new PlatformView(platform.title(), platform.folder(),
        plan.requirements().project().cloud().spelling(), Deployables.choice(plan, "secrets", ""), region, views,
        id(), telemetry(plan));
    artifacts.add(new Artifact(platform.dir() + "README.md", renderer.render("containers/README.md.ftl", readme),
        Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  /**
   * Each deployable's view on the platform: once in the plan's primary region (and again in the
   * folder of backup-dr's second region, when the deploy workflow deploys there), or under
   * {@code dataResidency} once per cell, in the cell's primary region and its own folder.
   */
  static List<ContainerView> views(Plan plan, Platform platform, List<Deployable> deployables) {
    Telemetry telemetry = Telemetry.of(plan);
    List<Telemetry.Collector> sidecars = !telemetry.scraped() && telemetry.collector().sidecar()
        ? List.of(telemetry.collector()) : List.of();
    Cloud cloud = plan.requirements().project().cloud();
    if (!plan.cells().residency()) {
      List<ContainerView> views = new ArrayList<>(Containers.of(platform, cloud, deployables,
          plan.cells().primaryRegion().orElseThrow(), sidecars));
      SecondRegion.deployed(plan).ifPresent(s -> views.addAll(Containers.of(platform, cloud, deployables, s, sidecars)));
      return views;
    }
    List<ContainerView> views = new ArrayList<>();
    for (Cell cell : plan.cells().cells()) {
      views.addAll(Containers.of(platform, plan.requirements().project().cloud(), deployables, cell,
          sidecars));
    }
    return views;
  }

  /** Where the deployables' telemetry goes on the platform; empty when Prometheus scrapes. */
  static String telemetry(Plan plan) {
    Telemetry telemetry = Telemetry.of(plan);
    return telemetry.scraped() ? "" : telemetry.collector().sentence();
  }

  /** The platform's descriptor files of one deployable, in its view's folder. */
  static List<Artifact> descriptors(Platform platform, ContainerView v, TemplateRenderer renderer) {
    return switch (platform) {
      case CLOUD_RUN -> List.of(new Artifact(v.dir() + v.name() + ".service.yaml",
          renderer.render("containers/cloudrun/service.yaml.ftl", v), CloudRunValidator.KIND));
      case ECS -> List.of(new Artifact(v.dir() + v.name() + ".task-definition.json",
              renderer.render("containers/ecs/task-definition.json.ftl", v), EcsValidator.KIND),
          new Artifact(v.dir() + v.name() + ".service.json",
              renderer.render("containers/ecs/service.json.ftl", v), EcsValidator.KIND));
      case CONTAINER_APPS -> List.of(new Artifact(v.dir() + v.name() + ".containerapp.yaml",
          renderer.render("containers/containerapps/containerapp.yaml.ftl", v), ContainerAppsValidator.KIND));
    };
  }

  @Override
  public List<String> warnings(Facts facts) {
    if (facts.plan().requirements().project().cloud().spelling().equals("any")) {
      return List.of("managed-containers: project.cloud is any: deploy/cloudrun/ holds Knative Services, which"
          + " Cloud Run and any Knative installation run; name the cloud for its own platform's descriptor.");
    }
    return List.of();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    if (path.startsWith("deploy/cloudrun/") && path.endsWith(".service.yaml")) {
      return Optional.of(CloudRunValidator.KIND);
    }
    if (path.startsWith("deploy/ecs/") && path.endsWith(".json")) {
      return Optional.of(EcsValidator.KIND);
    }
    if (path.startsWith("deploy/containerapps/") && path.endsWith(".containerapp.yaml")) {
      return Optional.of(ContainerAppsValidator.KIND);
    }
    return Optional.empty();
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new DescriptorsAgree());
  }

  @Override
  public List<Validator> validators() {
    return List.of(new CloudRunValidator(), new EcsValidator(), new ContainerAppsValidator());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    Platform platform = Platform.of(plan.requirements().project().cloud());
    return List.of(new ContentsEntry(platform.dir() + "README.md", "how each deployable runs on " + platform.title()
        + ": its descriptor, instance bounds from CAPACITY.md, health checks and secret references",
        ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }
}
