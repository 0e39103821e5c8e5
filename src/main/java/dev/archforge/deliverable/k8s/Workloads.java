package dev.archforge.deliverable.k8s;

import dev.archforge.deliverable.k8s.WorkloadView.Egress;
import dev.archforge.deliverable.k8s.WorkloadView.Entry;
import dev.archforge.deliverable.k8s.WorkloadView.ExternalSecretView;
import dev.archforge.deliverable.k8s.WorkloadView.RouteView;
import dev.archforge.facts.api.Endpoints;
import dev.archforge.facts.api.ProtoNames;
import dev.archforge.model.Api;
import dev.archforge.model.Service;
import dev.archforge.deliverable.k8s.WorkloadView.Network;
import dev.archforge.deliverable.k8s.WorkloadView.Size;
import dev.archforge.facts.deploy.Backing;
import dev.archforge.facts.deploy.Bff;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/** Builds the base view of each deployable from the plan: production numbers, flows, secrets. */
final class Workloads {
  private Workloads() {}

  static List<WorkloadView> of(Plan plan, List<Deployable> deployables) {
    boolean monolith = Deployables.monolith(plan);
    return deployables.stream().map(d -> view(plan, d, monolith)).toList();
  }

  static WorkloadView view(Plan plan, Deployable d, boolean monolith) {
    List<Entry> config = d.settings().stream().map(s -> new Entry(s.key(), s.cluster())).toList();
    int cpuTarget = Deployables.cpuTargetPercent(plan);
    Bff bff = Bff.of(plan).filter(b -> b.name().equals(d.name())).orElse(null);
    RouteView route = bff != null ? new RouteView(plan.requirements().project().name(), host(plan), bff.paths(),
        List.of()) : d.isPublic() ? route(plan, d) : null;
    ExternalSecretView external = d.secrets().isEmpty() ? null : SecretStores.externalSecret(plan, d);
    return new WorkloadView(d.name(), d.project(), Registries.kubernetesBase(plan, d.name()), d.port(), d.portName(), d.uid(), d.grpc(),
        Deployable.READY_PATH, Deployable.LIVE_PATH, config, d.secrets(), d.secretName(), production(d.sizing()),
        cpuTarget, network(plan, d), route, external);
  }

  /** The production size: CAPACITY.md's bounds and requests; CPU may burst to twice the request. */
  static Size production(ServiceSizing s) {
    int minAvailable = s.hpaMin() >= 2 ? s.hpaMin() - 1 : 0;
    return new Size(s.hpaMin(), s.hpaMax(), s.cpuMillis() + "m", 2 * s.cpuMillis() + "m", s.memoryMib() + "Mi",
        s.memoryMib() + "Mi", minAvailable);
  }

  /** The project's Gateway in production. */
  static GatewayView gateway(Plan plan) {
    String project = plan.requirements().project().name();
    return new GatewayView(project, plan.blueprint().defaults().gatewayClass(),
        plan.blueprint().defaults().gatewayNamespace(), host(plan), project + "-tls",
        gatewayDecided(plan) ? plan.blueprint().defaults().rateLimitPerMinute() : 0);
  }

  /** The public services of the deployable, by path prefix (HTTP) and by qualified name (gRPC). */
  static RouteView route(Plan plan, Deployable d) {
    String project = plan.requirements().project().name();
    List<String> paths = new ArrayList<>();
    List<String> grpc = new ArrayList<>();
    for (Service s : plan.requirements().services()) {
      if (d.modules().contains(s.name()) && s.isPublic()) {
        if (s.api() == Api.GRPC) {
          grpc.add(ProtoNames.qualified(project, s));
        } else {
          paths.add(Endpoints.pathPrefix(plan.blueprint().defaults().apiBaseUrl(), s));
        }
      }
    }
    return new RouteView(project, host(plan), paths, grpc);
  }

  static Network network(Plan plan, Deployable d) {
    List<Egress> egress = new ArrayList<>();
    for (Backing b : d.backing()) {
      add(egress, b.clusterPort(), b.role() + " (" + b.technology() + ")");
    }
    if (d.settings().stream().anyMatch(s -> s.key().equals(Deployables.OIDC_DISCOVERY_URL))) {
      add(egress, 443, "identity provider (token signing keys)");
    }
    return new Network(d.isPublic(), plan.blueprint().defaults().gatewayNamespace(), d.callers(), d.calls(), egress, Telemetry.of(plan));
  }

  private static void add(List<Egress> egress, int port, String purpose) {
    for (int i = 0; i < egress.size(); i++) {
      if (egress.get(i).port() == port) {
        egress.set(i, new Egress(port, egress.get(i).purpose() + ", " + purpose));
        return;
      }
    }
    egress.add(new Egress(port, purpose));
  }

  /** The API host of production: the blueprint's apiBaseUrl host. */
  static String host(Plan plan) {
    return dev.archforge.facts.deploy.PublicHost.of(plan).name();
  }

  /** Whether the API gateway decision puts a gateway with its limits in front of the public services. */
  static boolean gatewayDecided(Plan plan) {
    return !plan.decision("api-gateway").map(Decision::choice).orElse("none").equals("none");
  }
}
