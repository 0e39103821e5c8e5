package dev.archforge.deliverable.k8s;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.SharedKinds;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code deploy/k8s/}: a kustomize base with, per deployable, a Deployment, Service,
 * ServiceAccount, ConfigMap, HorizontalPodAutoscaler, PodDisruptionBudget and NetworkPolicy (an
 * Ingress when public, an ExternalSecret when a secret manager holds its secrets), a default-deny
 * NetworkPolicy, and overlays for dev, staging and prod. Every pod meets the Pod Security
 * "restricted" profile and runs the image the docker deliverable builds.
 */
public final class KubernetesDeliverable implements Deliverable {
  static final String BASE = Layout.K8S + "base/";
  static final String OVERLAYS = Layout.K8S + "overlays/";
  /** What a cluster administrator applies once per environment's cluster: the namespace and the deploy identity's Role. */
  static final String ACCESS = Layout.K8S + "access/";
  private static final Pattern MANIFESTS = Pattern.compile(Pattern.quote(BASE) + ".+\\.yaml");
  private static final List<String> PER_WORKLOAD = List.of("deployment", "service", "serviceaccount", "configmap",
      "hpa", "pdb", "networkpolicy", "httproute", "grpcroute", "externalsecret");

  @Override
  public String id() {
    return "kubernetes";
  }

  /** Only for {@code deployment: kubernetes}; the other runtimes have their own descriptors (deploy/). */
  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return plan.capacity() != null && Deployables.choice(plan, "deployment", "kubernetes").equals("kubernetes")
        && !Deployables.choice(plan, "architecture-style", "").equals("serverless");
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    List<WorkloadView> workloads = Workloads.of(plan, facts.deployables());
    SecretStoreView store = SecretStores.store(plan);
    List<Artifact> artifacts = new ArrayList<>();
    List<String> resources = new ArrayList<>(List.of("default-deny.yaml"));
    if (store != null) {
      resources.add("secretstore.yaml");
    }
    for (WorkloadView w : workloads) {
      for (String kind : PER_WORKLOAD) {
        if (!renders(kind, w)) {
          continue;
        }
        String file = w.name() + "/" + kind + ".yaml";
        resources.add(file);
        artifacts.add(manifest(file, renderer.render("k8s/base/" + kind + ".yaml.ftl", w)));
      }
    }
    boolean anyPublic = workloads.stream().anyMatch(w -> w.route() != null);
    List<String> hosts = anyPublic ? Environments.NAMES.stream()
        .map(e -> Environments.host(e, Workloads.host(plan))).toList() : List.of();
    GatewayView gateway = anyPublic ? Workloads.gateway(plan) : null;
    if (gateway != null) {
      resources.add(store == null ? 1 : 2, "gateway.yaml");
    }
    KustomizationView base = new KustomizationView(plan.requirements().project().name(), resources, workloads, store,
        hosts, gateway);
    artifacts.add(0, manifest("default-deny.yaml", renderer.render("k8s/base/default-deny.yaml.ftl", base)));
    if (gateway != null) {
      artifacts.add(store == null ? 1 : 2, manifest("gateway.yaml", renderer.render("k8s/base/gateway.yaml.ftl",
          gateway)));
    }
    if (store != null) {
      artifacts.add(1, manifest("secretstore.yaml", renderer.render("k8s/base/secretstore.yaml.ftl", store)));
    }
    artifacts.add(new Artifact(BASE + "kustomization.yaml", renderer.render("k8s/base/kustomization.yaml.ftl", base),
        Artifact.Kind.YAML));
    for (String environment : Environments.NAMES) {
      OverlayView overlay = Environments.overlay(plan, environment, workloads, gateway);
      String dir = OVERLAYS + environment + "/";
      artifacts.add(new Artifact(dir + "kustomization.yaml",
          renderer.render("k8s/overlays/kustomization.yaml.ftl", overlay), Artifact.Kind.YAML));
      if (overlay.gateway() != null) {
        artifacts.add(new Artifact(dir + "gateway.yaml", renderer.render("k8s/overlays/gateway.yaml.ftl",
            overlay.gateway()), Artifact.Kind.YAML));
      }
      for (OverlayView.Patch patch : overlay.workloads()) {
        artifacts.add(new Artifact(dir + patch.name() + ".yaml", renderer.render("k8s/overlays/patch.yaml.ftl", patch),
            Artifact.Kind.YAML));
      }
    }
    artifacts.addAll(CellOverlays.render(plan, workloads, store, renderer));
    String project = plan.requirements().project().name();
    for (String environment : Environments.NAMES) {
      artifacts.add(new Artifact(ACCESS + environment + ".yaml", renderer.render("k8s/access.yaml.ftl",
          AccessView.of(project, project + "-" + environment, plan.requirements().project().cloud())), Artifact.Kind.YAML));
    }
    artifacts.add(new Artifact("deploy/k8s/README.md", renderer.render("k8s/README.md.ftl", base),
        Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  /** Whether a deployable has this kind of per-workload manifest. */
  private static boolean renders(String kind, WorkloadView w) {
    return switch (kind) {
      case "httproute" -> w.route() != null && !w.route().paths().isEmpty();
      case "grpcroute" -> w.route() != null && !w.route().grpcServices().isEmpty();
      case "externalsecret" -> w.externalSecret() != null;
      default -> true;
    };
  }

  @Override
  public List<String> warnings(Facts facts) {
    Plan plan = facts.plan();
    SecretStoreView store = SecretStores.store(plan);
    if (store != null && store.note().startsWith("project.cloud is any")) {
      return List.of("kubernetes: " + store.note() + " (deploy/k8s/base/secretstore.yaml).");
    }
    return List.of();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return MANIFESTS.matcher(path).matches() && !path.endsWith("kustomization.yaml") ? Optional.of(SharedKinds.KUBERNETES)
        : Optional.empty();
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new RoutesMatchExposure());
  }

  @Override
  public List<Validator> validators() {
    return List.of(new KubernetesValidator(), new PodSecurityChecker());
  }

  private static Artifact manifest(String file, String content) {
    return new Artifact(BASE + file, content, SharedKinds.KUBERNETES);
  }
}
