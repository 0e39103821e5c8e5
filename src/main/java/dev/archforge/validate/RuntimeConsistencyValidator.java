package dev.archforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the Dockerfiles, the Kubernetes manifests and CAPACITY.md tell one story: the
 * Dockerfile's EXPOSE = containerPort = Service targetPort = probe ports; the Dockerfile's USER =
 * the pod's runAsUser; every environment variable comes from the deployable's ConfigMap or a
 * Secret reference; every NetworkPolicy selects and admits real deployables; every deployable has
 * its Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy and
 * Dockerfile; the autoscaling bounds (base and prod overlay) equal CAPACITY.md's. A workspace
 * without Kubernetes manifests (deployment vm) has nothing to cross-check.
 */
public final class RuntimeConsistencyValidator implements CrossValidator {
  static final String NAME = "runtime-consistency";
  static final String NAME_LABEL = "app.kubernetes.io/name";
  private static final List<String> REQUIRED = List.of("Deployment", "Service", "HorizontalPodAutoscaler",
      "PodDisruptionBudget", "NetworkPolicy");
  private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    DeployTree tree = new DeployTree(all);
    if (tree.objects.isEmpty()) {
      return List.of();
    }
    Set<String> deployables = new LinkedHashSet<>();
    tree.objects("Deployment").forEach(d -> deployables.add(d.name()));
    deployables.addAll(tree.dockerfiles.keySet());
    List<Finding> findings = new ArrayList<>();
    completeness(tree, deployables, findings);
    for (Manifests.Doc deployment : tree.objects("Deployment")) {
      JsonNode pod = deployment.node().at("/spec/template/spec");
      int index = container(pod, deployment.name());
      if (index < 0) {
        findings.add(deployment.finding("/spec/template/spec", "Deployment " + deployment.name()
            + " has no container", NAME));
        continue;
      }
      new PortRules(tree, deployment, index, findings).check();
      user(tree, deployment, pod, index, findings);
      new EnvRules(tree, deployment, index, findings).check();
    }
    networkPolicies(tree, deployables, findings);
    autoscaling(tree, findings);
    return findings;
  }

  /** Every deployable has every object it needs and a Dockerfile. */
  private static void completeness(DeployTree tree, Set<String> deployables, List<Finding> findings) {
    for (String name : deployables) {
      for (String kind : REQUIRED) {
        if (tree.object(kind, name).isEmpty()) {
          findings.add(new Finding("deploy/k8s/base/" + name, 0, name + " has no " + kind + " named " + name, NAME));
        }
      }
      if (!tree.dockerfiles.containsKey(name)) {
        findings.add(new Finding("deploy/" + name + "/Dockerfile", 0, name + " has no Dockerfile", NAME));
      }
    }
  }

  /** The Dockerfile's USER is the pod's runAsUser (the container's, else the pod's). */
  private static void user(DeployTree tree, Manifests.Doc deployment, JsonNode pod, int index,
      List<Finding> findings) {
    DeployTree.Dockerfile dockerfile = tree.dockerfiles.get(deployment.name());
    if (dockerfile == null) {
      return;
    }
    String container = "/spec/template/spec/containers/" + index;
    JsonNode own = pod.path("containers").path(index).path("securityContext").path("runAsUser");
    JsonNode podLevel = pod.path("securityContext").path("runAsUser");
    JsonNode runAs = own.isNumber() ? own : podLevel;
    String where = own.isNumber() ? container + "/securityContext/runAsUser"
        : "/spec/template/spec/securityContext/runAsUser";
    Integer uid = dockerfile.uid();
    if (uid == null) {
      findings.add(new Finding(dockerfile.path(), dockerfile.userLine(), "USER '" + dockerfile.user()
          + "' is not a numeric uid: Kubernetes cannot check runAsNonRoot against a name", NAME));
    } else if (!runAs.isNumber()) {
      findings.add(deployment.finding("/spec/template/spec", "Deployment " + deployment.name()
          + " sets no runAsUser; the image's USER is " + uid, NAME));
    } else if (runAs.asLong() != uid) {
      findings.add(deployment.finding(where, "runAsUser " + runAs.asLong() + " of " + deployment.name()
          + " is not the Dockerfile's USER " + uid + " (" + dockerfile.path() + ":" + dockerfile.userLine() + ")",
          NAME));
    }
  }

  /** Each NetworkPolicy selects a deployable (or all pods) and names only deployables as pod peers. */
  private static void networkPolicies(DeployTree tree, Set<String> deployables, List<Finding> findings) {
    for (Manifests.Doc policy : tree.objects("NetworkPolicy")) {
      JsonNode selector = policy.node().at("/spec/podSelector");
      if (!selector.isEmpty()) {
        peer(policy, "/spec/podSelector", selector, deployables, "selects", findings);
      }
      for (String[] rule : new String[][] {{"ingress", "from"}, {"egress", "to"}}) {
        JsonNode rules = policy.node().at("/spec/" + rule[0]);
        for (int i = 0; i < rules.size(); i++) {
          JsonNode peers = rules.get(i).path(rule[1]);
          for (int j = 0; j < peers.size(); j++) {
            JsonNode p = peers.get(j);
            if (p.has("podSelector") && !p.has("namespaceSelector")) {
              String pointer = "/spec/" + rule[0] + "/" + i + "/" + rule[1] + "/" + j + "/podSelector";
              peer(policy, pointer, p.get("podSelector"), deployables, "admits", findings);
            }
          }
        }
      }
    }
  }

  private static void peer(Manifests.Doc policy, String pointer, JsonNode selector, Set<String> deployables,
      String verb, List<Finding> findings) {
    String name = selector.path("matchLabels").path(NAME_LABEL).asText("");
    if (name.isEmpty()) {
      findings.add(policy.finding(pointer, "NetworkPolicy " + policy.name() + " " + verb
          + " pods without naming a deployable (" + NAME_LABEL + ")", NAME));
    } else if (!deployables.contains(name)) {
      findings.add(policy.finding(pointer + "/matchLabels/" + NAME_LABEL.replace("/", "~1"), "NetworkPolicy " + policy.name() + " " + verb + " '"
          + name + "', which is no deployable of this workspace", NAME));
    }
  }

  /** The HPA bounds of the base and of the prod overlay equal CAPACITY.md's sizing. */
  private static void autoscaling(DeployTree tree, List<Finding> findings) {
    for (Manifests.Doc hpa : tree.objects("HorizontalPodAutoscaler")) {
      String target = hpa.node().at("/spec/scaleTargetRef/name").asText("");
      if (tree.object("Deployment", target).isEmpty()) {
        findings.add(hpa.finding("/spec/scaleTargetRef", "HorizontalPodAutoscaler " + hpa.name()
            + " scales '" + target + "', which is no Deployment", NAME));
      }
      bounds(tree, hpa, findings);
    }
    tree.prodPatches.stream().filter(d -> d.kind().equals("HorizontalPodAutoscaler"))
        .forEach(hpa -> bounds(tree, hpa, findings));
  }

  private static void bounds(DeployTree tree, Manifests.Doc hpa, List<Finding> findings) {
    if (tree.capacity == null) {
      return;
    }
    DeployTree.Bounds expected = tree.capacity.get(hpa.name());
    if (expected == null) {
      findings.add(hpa.finding("", "CAPACITY.md has no sizing row for " + hpa.name(), NAME));
      return;
    }
    for (String[] field : new String[][] {{"minReplicas", "min"}, {"maxReplicas", "max"}}) {
      JsonNode value = hpa.node().at("/spec/" + field[0]);
      int want = field[1].equals("min") ? expected.min() : expected.max();
      if (value.isNumber() && value.asInt() != want) {
        findings.add(hpa.finding("/spec/" + field[0], "HorizontalPodAutoscaler " + hpa.name() + " " + field[0] + " "
            + value.asInt() + " is not CAPACITY.md's " + want + " (" + DeployTree.CAPACITY + ":" + expected.line()
            + ")", NAME));
      }
    }
  }

  /** The container named like the deployment, else the first; -1 when there is none. */
  static int container(JsonNode pod, String name) {
    JsonNode containers = pod.path("containers");
    for (int i = 0; i < containers.size(); i++) {
      if (containers.get(i).path("name").asText().equals(name)) {
        return i;
      }
    }
    return containers.isEmpty() ? -1 : 0;
  }

  static List<String> probes() {
    return PROBES;
  }

  static Optional<JsonNode> data(DeployTree tree, String configMap) {
    return tree.object("ConfigMap", configMap).map(d -> d.node().path("data"));
  }
}
