package dev.archforge.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The managed-container descriptors of a workspace as the coherence rules read them, whatever the
 * platform: an ECS task definition and service ({@code deploy/ecs/NAME.task-definition.json},
 * {@code NAME.service.json}), a Cloud Run service ({@code deploy/cloudrun/NAME.service.yaml}) or a
 * Container App ({@code deploy/containerapps/NAME.yaml}).
 *
 * @param deployable the deployable it runs (the file's name)
 * @param trees the parsed files: the task definition and the service on ECS, one file elsewhere
 */
public record Descriptors(String platform, String deployable, String path, List<JsonNode> trees) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Descriptors {
    trees = List.copyOf(trees);
  }

  /** Every deployable's descriptor among the artifacts, in their order. */
  public static List<Descriptors> of(List<Artifact> all) {
    List<Descriptors> list = new ArrayList<>();
    for (Artifact a : all) {
      String p = a.path();
      String file = p.substring(p.lastIndexOf('/') + 1);
      if (p.startsWith("deploy/ecs/") && file.endsWith(".task-definition.json")) {
        String name = file.substring(0, file.length() - ".task-definition.json".length());
        List<JsonNode> trees = new ArrayList<>();
        read(a, JSON).ifPresent(trees::add);
        all.stream().filter(s -> s.path().equals(p.replace(".task-definition.json", ".service.json"))).findFirst()
            .flatMap(s -> read(s, JSON)).ifPresent(trees::add);
        list.add(new Descriptors("ecs", name, p, trees));
      } else if (p.startsWith("deploy/cloudrun/") && file.endsWith(".service.yaml")) {
        GeneratedYaml.tree(a).ifPresent(t -> list.add(new Descriptors("cloudrun", t.at("/metadata/name").asText(
            file.replace(".service.yaml", "")), p, List.of(t))));
      } else if (p.startsWith("deploy/containerapps/") && file.endsWith(".yaml")) {
        GeneratedYaml.tree(a).ifPresent(t -> list.add(new Descriptors("containerapps",
            file.replaceFirst("(\\.containerapp)?\\.yaml$", ""), p, List.of(t))));
      }
    }
    return list;
  }

  /** Whether the platform's edge reaches it: an ECS load balancer, Cloud Run's public ingress, external ingress. */
  public boolean isPublic() {
    return switch (platform) {
      case "ecs" -> trees.stream().anyMatch(t -> !t.path("loadBalancers").isEmpty());
      case "cloudrun" -> trees.get(0).at("/metadata/annotations").path("run.googleapis.com/ingress").asText()
          .equals("all");
      default -> trees.get(0).at("/properties/configuration/ingress/external").asBoolean(false);
    };
  }

  /** The most instances it runs, or empty when the descriptor does not say (ECS: Application Auto Scaling does). */
  public Optional<Integer> maxInstances() {
    JsonNode max = switch (platform) {
      case "cloudrun" -> trees.get(0).at("/spec/template/metadata/annotations").path("autoscaling.knative.dev/maxScale");
      case "containerapps" -> trees.get(0).at("/properties/template/scale/maxReplicas");
      default -> null;
    };
    return max == null || !max.asText().matches("\\d+") ? Optional.empty() : Optional.of(Integer.parseInt(max.asText()));
  }

  /**
   * The value of an environment variable of its container, or empty when it has none; a variable
   * read from a secret has the value {@code secret}.
   */
  public Optional<String> env(String key) {
    for (JsonNode tree : trees) {
      for (JsonNode holder : tree.findParents("name")) {
        if (holder.path("name").asText().equals(key) && (holder.has("value") || holder.has("valueFrom")
            || holder.has("secretRef"))) {
          return Optional.of(holder.has("value") ? holder.path("value").asText() : "secret");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> read(Artifact a, ObjectMapper mapper) {
    try {
      return Optional.ofNullable(mapper.readTree(a.content()));
    } catch (JacksonException e) {
      return Optional.empty(); // the descriptor's own validator reports it
    }
  }
}
