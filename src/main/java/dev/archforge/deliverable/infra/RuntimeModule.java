package dev.archforge.deliverable.infra;

import dev.archforge.deliverable.infra.RootParts.RouteView;
import dev.archforge.deliverable.infra.RootParts.ScalingView;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.Bff;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Api;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a root module gives the runtime the deployment decision chose: which runtime module it
 * is, each deployable's autoscaling bounds, the public routes of the load balancer, and whether
 * the deployables' identities send telemetry.
 */
final class RuntimeModule {
  private final Facts facts;
  private final Plan plan;

  RuntimeModule(Facts facts) {
    this.facts = facts;
    this.plan = facts.plan();
  }

  /**
   * Each deployable's autoscaling bounds in a root of {@code tier}: production runs CAPACITY.md's
   * (hpaMin is the availability target's replica floor); staging at most two at the minimum and half
   * the maximum; dev one to two, as the Kubernetes overlays size them.
   */
  List<ScalingView> scaling(String tier) {
    return facts.deployables().stream().map(d -> {
      int min = d.sizing().hpaMin();
      int max = d.sizing().hpaMax();
      return switch (tier) {
        case "dev" -> new ScalingView(d.name(), 1, Math.min(2, max));
        case "staging" -> new ScalingView(d.name(), Math.min(2, min), Math.max(Math.min(2, min), (max + 1) / 2));
        default -> new ScalingView(d.name(), min, max);
      };
    }).toList();
  }

  /**
   * Whether the deployables run on the cloud's managed containers from the descriptors deploy/ holds:
   * under {@code deployment: managed-containers}, and as functions off AWS, which are the same Cloud Run
   * services or Container Apps (the serverless deliverable's descriptors) in the same environment,
   * reaching the data stores through the same connector.
   */
  boolean managedContainers() {
    String deployment = Deployables.choice(plan, "deployment", "");
    boolean functions = deployment.equals("serverless") && plan.requirements().project().cloud() != Cloud.AWS
        && plan.blueprint().deliverables().contains("serverless");
    return functions || deployment.equals("managed-containers")
        && !Deployables.choice(plan, "architecture-style", "").equals("serverless")
        && plan.blueprint().deliverables().contains("managed-containers");
  }

  /** Whether a collector sidecar pushes each deployable's telemetry with the deployable's own identity. */
  boolean collectorWrites() {
    Telemetry telemetry = Telemetry.of(plan);
    return !telemetry.scraped() && telemetry.collector().sidecar();
  }

  /** Whether the deployables run on virtual machines from the user data deploy/vm/ holds. */
  boolean vm() {
    return Deployables.choice(plan, "deployment", "").equals("vm") && plan.blueprint().deliverables().contains("vm");
  }

  /**
   * The public HTTP path prefixes of each public deployable, as the gateway routes them: behind a
   * BFF, the BFF's paths to the BFF alone, which is the only public deployable.
   */
  List<RouteView> routes() {
    List<RouteView> routes = new ArrayList<>();
    Optional<Bff> bff = Bff.of(plan);
    for (Deployable d : facts.deployables()) {
      if (!d.isPublic()) {
        continue;
      }
      if (bff.isPresent() && bff.get().name().equals(d.name())) {
        bff.get().paths().forEach(path -> routes.add(new RouteView(d.name() + "|" + path, d.name(), path,
            (routes.size() + 1) * 10)));
      }
      for (Service s : plan.requirements().services()) {
        if (d.modules().contains(s.name()) && s.isPublic() && s.api() != Api.GRPC) {
          String path = dev.archforge.facts.api.Endpoints.pathPrefix(plan.blueprint().defaults().apiBaseUrl(), s);
          routes.add(new RouteView(d.name() + "|" + path, d.name(), path, (routes.size() + 1) * 10));
        }
      }
    }
    return routes;
  }
}
