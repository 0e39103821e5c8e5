package dev.archforge.deliverable.capacity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.facts.ParsedHcl;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: no runtime runs fewer replicas than the availability target
 * promises. The floor is the one the scaling decision record states ({@code capacity.replicaFloor}),
 * else CAPACITY.md's availability floor; every production minimum at or above it: a
 * HorizontalPodAutoscaler's {@code minReplicas} (base, prod and cell overlays; dev and staging run
 * smaller on purpose), a PodDisruptionBudget's {@code minAvailable} (at least the floor less one),
 * an ECS service's {@code desiredCount}, a Cloud Run service's {@code minScale}, a Container App's
 * {@code minReplicas}, and the minimum of each service's autoscaling in a production root of infra/
 * ({@code scaling} of the {@code runtime} module: ECS Application Auto Scaling), and on virtual
 * machines each instance group's {@code min} there (the runtime module's {@code machines}).
 */
final class ReplicaFloorHolds implements CrossValidator {
  static final String NAME = "availability-keeps-replica-floor";
  private static final Pattern RECORD_FLOOR = Pattern.compile("`capacity\\.replicaFloor` = (\\d+)");
  private static final Pattern CAPACITY_FLOOR = Pattern.compile("\\| HPA minimum replicas \\(availability floor\\) "
      + "\\| \\*\\*(\\d+)\\*\\* pods");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Production roots of infra/: {@code prod} and a cell's {@code prod-<jurisdiction>}. */
  private static final Pattern PRODUCTION_ROOT = Pattern.compile("infra/envs/prod(-[a-z0-9-]+)?/main\\.tf");

  /** The promised floor and the file that promises it. */
  private record Floor(int replicas, String source, int line) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Floor> promised = floor(all);
    if (promised.isEmpty()) {
      return List.of();
    }
    Floor floor = promised.get();
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      String path = a.path();
      if (path.startsWith(Layout.K8S) && path.endsWith(".yaml") && !path.startsWith(Layout.K8S + "overlays/dev/")
          && !path.startsWith(Layout.K8S + "overlays/staging/")) {
        for (Manifests.Doc doc : Manifests.parse(a, NAME).docs()) {
          if (doc.kind().equals("HorizontalPodAutoscaler")) {
            below(doc.node().at("/spec/minReplicas"), floor.replicas(), floor, path, doc.line("/spec/minReplicas"),
                "HorizontalPodAutoscaler " + doc.name() + " minReplicas", findings);
          } else if (doc.kind().equals("PodDisruptionBudget")) {
            below(doc.node().at("/spec/minAvailable"), floor.replicas() - 1, floor, path,
                doc.line("/spec/minAvailable"), "PodDisruptionBudget " + doc.name() + " minAvailable", findings);
          }
        }
      } else if (path.startsWith("deploy/ecs/") && path.endsWith(".service.json")) {
        read(a, JSON).ifPresent(n -> below(n.path("desiredCount"), floor.replicas(), floor, path, 0,
            "ECS service desiredCount", findings));
      } else if (path.startsWith("deploy/cloudrun/") && path.endsWith(".service.yaml")) {
        GeneratedYaml.tree(a).ifPresent(n -> below(n.at("/spec/template/metadata/annotations")
            .path("autoscaling.knative.dev/minScale"), floor.replicas(), floor, path, 0, "Cloud Run minScale",
            findings));
      } else if (path.startsWith("deploy/containerapps/") && path.endsWith(".yaml")) {
        GeneratedYaml.tree(a).ifPresent(n -> below(n.at("/properties/template/scale/minReplicas"), floor.replicas(), floor,
            path, 0, "Container App minReplicas", findings));
      } else if (PRODUCTION_ROOT.matcher(path).matches()) {
        bounds(a, "scaling").forEach((service, bounds) -> below(whole(bounds.get("min")), floor.replicas(), floor,
            path, lineOf(a.content(), "\"" + service + "\" = { min"), "autoscaling minimum of service " + service,
            findings));
        bounds(a, "machines").forEach((name, bounds) -> below(whole(bounds.get("min")), floor.replicas(), floor,
            path, lineOf(a.content(), "\"" + name + "\" = { type"), "the instance group of " + name + " min",
            findings));
      }
    }
    return findings;
  }

  private static void below(JsonNode value, int least, Floor floor, String path, int line, String what,
      List<Finding> findings) {
    if (value.isMissingNode() || value.isNull() || !value.asText().matches("\\d+")) {
      return; // absent (maxUnavailable, a patch without it) or a percentage: nothing promised here
    }
    int n = Integer.parseInt(value.asText());
    if (n < least) {
      findings.add(new Finding(path, line, what + " is " + n + ", below " + least + ": " + floor.source() + ":"
          + floor.line() + " promises at least " + floor.replicas() + " replicas for the availability target", NAME));
    }
  }

  /**
   * A map of a root's runtime module ({@code scaling}: service => {min, max}; {@code machines}:
   * deployable => {type, min, max}); empty when it has none.
   */
  private static Map<String, Map<?, ?>> bounds(Artifact root, String key) {
    Map<String, Map<?, ?>> scaling = new TreeMap<>();
    // a root that does not parse has no map: the opentofu validator reports it
    if (ParsedHcl.parsed(root).orElse(Map.of()).get("module") instanceof Map<?, ?> modules
        && modules.get("runtime") instanceof Map<?, ?> runtime && runtime.get(key) instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof Map<?, ?> bounds) {
          scaling.put(String.valueOf(k), bounds);
        }
      });
    }
    return scaling;
  }

  /** HCL's number (hcl4j reads {@code 2} as a double) as a whole number, else missing. */
  private static JsonNode whole(Object value) {
    return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        ? JSON.getNodeFactory().numberNode(n.intValue()) : MissingNode.getInstance();
  }

  private static int lineOf(String content, String text) {
    int at = content.indexOf(text);
    return at < 0 ? 0 : (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static Optional<JsonNode> read(Artifact a, ObjectMapper mapper) {
    try {
      return Optional.ofNullable(mapper.readTree(a.content()));
    } catch (JacksonException e) {
      return Optional.empty(); // the descriptor's own validator reports it
    }
  }

  /** The scaling record's floor, else CAPACITY.md's availability floor. */
  private static Optional<Floor> floor(List<Artifact> all) {
    for (Artifact a : all) {
      if (a.path().startsWith("decisions/") && a.path().endsWith("-scaling.md")
          && !a.content().contains("status: superseded")) {
        Optional<Floor> f = find(a, RECORD_FLOOR);
        if (f.isPresent()) {
          return f;
        }
      }
    }
    return all.stream().filter(a -> a.path().equals(Layout.CAPACITY)).findFirst().flatMap(a -> find(a, CAPACITY_FLOOR));
  }

  private static Optional<Floor> find(Artifact a, Pattern pattern) {
    Matcher m = pattern.matcher(a.content());
    if (!m.find()) {
      return Optional.empty();
    }
    int line = (int) a.content().substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    return Optional.of(new Floor(Integer.parseInt(m.group(1)), a.path(), line));
  }
}
