package dev.archforge.deliverable.k8s;

import dev.archforge.deliverable.k8s.WorkloadView.Egress;
import dev.archforge.deliverable.k8s.WorkloadView.Entry;
import dev.archforge.deliverable.k8s.WorkloadView.ExternalSecretView;
import dev.archforge.deliverable.k8s.WorkloadView.IngressView;
import dev.archforge.deliverable.k8s.WorkloadView.Network;
import dev.archforge.deliverable.k8s.WorkloadView.Size;
import dev.archforge.facts.deploy.Backing;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Builds the base view of each deployable from the plan: production numbers, flows, secrets. */
final class Workloads {
  static final String INGRESS_NAMESPACE = "ingress-nginx";
  static final String INGRESS_CLASS = "nginx";

  private Workloads() {}

  static List<WorkloadView> of(Plan plan, List<Deployable> deployables) {
    boolean monolith = Deployables.monolith(plan);
    return deployables.stream().map(d -> view(plan, d, monolith)).toList();
  }

  static WorkloadView view(Plan plan, Deployable d, boolean monolith) {
    List<Entry> config = d.settings().stream().map(s -> new Entry(s.key(), s.cluster())).toList();
    int cpuTarget = (int) Math.round(plan.blueprint().capacity() == null ? 70
        : plan.blueprint().capacity().targetUtilization() * 100);
    IngressView ingress = d.isPublic() ? new IngressView(INGRESS_CLASS, host(plan), monolith ? "/" : "/" + d.name(),
        plan.requirements().project().name() + "-tls", gateway(plan) ? plan.blueprint().defaults().rateLimitPerMinute()
        : 0) : null;
    ExternalSecretView external = d.secrets().isEmpty() ? null : SecretStores.externalSecret(plan, d);
    return new WorkloadView(d.name(), d.project(), d.image(), d.port(), d.portName(), d.uid(), d.grpc(),
        Deployable.READY_PATH, Deployable.LIVE_PATH, config, d.secrets(), d.secretName(), production(d.sizing()),
        cpuTarget, network(plan, d), ingress, external);
  }

  /** The production size: CAPACITY.md's bounds and requests; CPU may burst to twice the request. */
  static Size production(ServiceSizing s) {
    int minAvailable = s.hpaMin() >= 2 ? s.hpaMin() - 1 : 0;
    return new Size(s.hpaMin(), s.hpaMax(), s.cpuMillis() + "m", 2 * s.cpuMillis() + "m", s.memoryMib() + "Mi",
        s.memoryMib() + "Mi", minAvailable);
  }

  static Network network(Plan plan, Deployable d) {
    List<Egress> egress = new ArrayList<>();
    for (Backing b : d.backing()) {
      add(egress, b.clusterPort(), b.role() + " (" + b.technology() + ")");
    }
    if (d.isPublic() && Deployables.verifiesTokens(plan)) {
      add(egress, 443, "identity provider (token signing keys)");
    }
    return new Network(d.isPublic(), INGRESS_NAMESPACE, d.callers(), d.calls(), egress, Telemetry.of(plan));
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
    String host = URI.create(plan.blueprint().defaults().apiBaseUrl()).getHost();
    return host == null ? "api.example.com" : host;
  }

  static boolean gateway(Plan plan) {
    return !plan.decision("api-gateway").map(Decision::choice).orElse("none").equals("none");
  }
}
