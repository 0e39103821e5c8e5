package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.deliverable.AwsModelWalk;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.facts.YamlLines;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * Checks ECS descriptors in process against the ECS API's model in the AWS SDK for Java 2: a task
 * definition is the input of RegisterTaskDefinition, a service the input of CreateService (what
 * {@code aws ecs ... --cli-input-json} reads). Every member must be declared by its shape with its
 * type and enum values; the members the API requires must be there; and on Fargate the task size
 * must be one Fargate offers, with the container non-root and its secrets never in the plain
 * environment.
 */
final class EcsValidator extends DescriptorValidator {
  static final Artifact.Kind KIND = new Artifact.Kind("ecs");
  private static final String NAME = "ecs (AWS SDK model of the ECS API)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SECRET_WORDS = List.of("PASSWORD", "SECRET", "TOKEN", "PRIVATE_KEY");

  EcsValidator() {
    super(KIND, NAME);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    JsonNode json;
    try {
      json = JSON.readTree(artifact.content());
    } catch (JsonProcessingException e) {
      return List.of(new Finding(artifact.path(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not JSON: " + e.getOriginalMessage(), NAME));
    }
    YamlLines lines = YamlLines.of(artifact.content());
    boolean task = artifact.path().endsWith(".task-definition.json");
    SdkPojo shape = task ? (SdkPojo) RegisterTaskDefinitionRequest.builder() : (SdkPojo) CreateServiceRequest.builder();
    List<String[]> problems = new ArrayList<>();
    AwsModelWalk.check(shape, json, "").forEach(p -> problems.add(new String[] {p.pointer(), p.message()}));
    if (task) {
      task(json, problems);
    } else {
      require(json, "", "serviceName", problems);
    }
    List<Finding> findings = new ArrayList<>();
    for (String[] p : problems) {
      findings.add(new Finding(artifact.path(), Math.max(1, lines.line(p[0])), p[1], NAME));
    }
    return findings;
  }

  private static void task(JsonNode json, List<String[]> problems) {
    require(json, "", "family", problems);
    require(json, "", "containerDefinitions", problems);
    JsonNode containers = json.path("containerDefinitions");
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      String at = "/containerDefinitions/" + i;
      require(c, at, "name", problems);
      require(c, at, "image", problems);
      String user = c.path("user").asText("");
      if (user.isEmpty() || user.equals("0") || user.startsWith("0:") || user.equals("root")) {
        problems.add(new String[] {at, "the container must run as a non-root user (`user`)"});
      }
      JsonNode env = c.path("environment");
      for (int j = 0; j < env.size(); j++) {
        String name = env.get(j).path("name").asText();
        if (SECRET_WORDS.stream().anyMatch(name::contains)) {
          problems.add(new String[] {at + "/environment/" + j, name + " looks like a secret: it belongs under "
              + "`secrets` (valueFrom the secret manager), never in the plain environment"});
        }
      }
    }
    boolean fargate = json.path("requiresCompatibilities").toString().contains("FARGATE");
    if (fargate && !Containers.isFargateSize(json.path("cpu").asText(""), json.path("memory").asText(""))) {
      problems.add(new String[] {"/cpu", "cpu " + json.path("cpu").asText() + " with memory "
          + json.path("memory").asText() + " is not a task size Fargate offers"});
    }
    if (fargate && !json.path("networkMode").asText("").equals("awsvpc")) {
      problems.add(new String[] {"/networkMode", "Fargate tasks need networkMode awsvpc"});
    }
  }

  private static void require(JsonNode node, String pointer, String field, List<String[]> problems) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()
        || value.isArray() && value.isEmpty()) {
      problems.add(new String[] {pointer, "the required member `" + field + "` is missing"});
    }
  }
}
