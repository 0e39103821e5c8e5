package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import dev.archforge.validate.BuildClaims;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.facts.YamlLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coherence rule {@value #NAME}: each managed-container descriptor runs an image the workspace
 * builds and agrees with it and with CAPACITY.md — a Dockerfile exists for the deployable, the
 * descriptor's port is the one the image EXPOSEs, an ECS container runs as the image's user, and
 * the instance floor and ceiling (Cloud Run scale annotations, the ECS service's desired count,
 * the Container App's replicas) are CAPACITY.md's autoscaling bounds.
 */
final class DescriptorsAgree implements CrossValidator {
  static final String NAME = "descriptors-agree";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  /** What one descriptor claims; -1 for what it does not say. */
  private record Claim(Artifact file, String name, int port, int min, int max, String user) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Claim> claims = new ArrayList<>();
    for (Artifact a : all) {
      JsonNode n = read(a);
      if (n == null) {
        continue;
      }
      if (a.kind().equals(CloudRunValidator.KIND)) {
        JsonNode annotations = n.at("/spec/template/metadata/annotations");
        claims.add(new Claim(a, n.at("/metadata/name").asText(), n.at("/spec/template/spec/containers/0/ports/0/"
            + "containerPort").asInt(-1), annotations.path("autoscaling.knative.dev/minScale").asInt(-1),
            annotations.path("autoscaling.knative.dev/maxScale").asInt(-1), null));
      } else if (a.kind().equals(ContainerAppsValidator.KIND)) {
        claims.add(new Claim(a, n.path("name").asText(), n.at("/properties/configuration/ingress/targetPort")
            .asInt(-1), n.at("/properties/template/scale/minReplicas").asInt(-1),
            n.at("/properties/template/scale/maxReplicas").asInt(-1), null));
      } else if (a.kind().equals(EcsValidator.KIND) && n.has("family")) {
        claims.add(new Claim(a, n.path("family").asText(), n.at("/containerDefinitions/0/portMappings/0/"
            + "containerPort").asInt(-1), -1, -1, n.at("/containerDefinitions/0/user").asText(null)));
      } else if (a.kind().equals(EcsValidator.KIND)) {
        claims.add(new Claim(a, n.path("serviceName").asText(), -1, n.path("desiredCount").asInt(-1), -1, null));
      }
    }
    if (claims.isEmpty()) {
      return List.of();
    }
    Map<String, BuildClaims.Image> images = BuildClaims.images(all);
    Map<String, BuildClaims.Bounds> capacity = BuildClaims.capacity(all);
    List<Finding> findings = new ArrayList<>();
    for (Claim c : claims) {
      BuildClaims.Image image = images.get(c.name());
      if (image == null) {
        findings.add(finding(c, "", c.name() + " runs an image no Dockerfile of the workspace builds (deploy/"
            + c.name() + "/Dockerfile)"));
        continue;
      }
      if (c.port() >= 0 && c.port() != image.port()) {
        findings.add(finding(c, "", c.name() + " listens on " + c.port() + " but " + image.path() + " EXPOSEs "
            + image.port()));
      }
      if (c.user() != null && image.uid() != null && !c.user().startsWith(image.uid() + ":")
          && !c.user().equals(String.valueOf(image.uid()))) {
        findings.add(finding(c, "/containerDefinitions/0/user", c.name() + " runs as " + c.user() + " but "
            + image.path() + " sets USER " + image.uid()));
      }
      BuildClaims.Bounds bounds = capacity.get(c.name());
      if (bounds != null && (c.min() >= 0 && c.min() != bounds.min() || c.max() >= 0 && c.max() != bounds.max())) {
        findings.add(finding(c, "", c.name() + " runs " + c.min() + (c.max() >= 0 ? " to " + c.max() : "")
            + " instances but CAPACITY.md sizes it " + bounds.min() + " to " + bounds.max()));
      }
    }
    return findings;
  }

  private static JsonNode read(Artifact a) {
    if (!a.kind().equals(CloudRunValidator.KIND) && !a.kind().equals(EcsValidator.KIND)
        && !a.kind().equals(ContainerAppsValidator.KIND)) {
      return null;
    }
    try {
      return (a.kind().equals(EcsValidator.KIND) ? JSON : YAML).readTree(a.content());
    } catch (JsonProcessingException e) {
      return null; // the descriptor's own validator reports it
    }
  }

  private static Finding finding(Claim c, String pointer, String message) {
    return new Finding(c.file().path(), Math.max(1, YamlLines.of(c.file().content()).line(pointer)), message, NAME);
  }
}
