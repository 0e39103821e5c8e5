package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.deliverable.AwsModelWalk;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.facts.YamlLines;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an AWS SAM template in process against the CloudFormation resource specification (which
 * carries SAM's resource types): each resource of a type it declares, each property declared, typed
 * and present when required. Then what SAM and Lambda add: the transform, a container-image
 * function with its image and no runtime or handler, memory and timeout within Lambda's limits,
 * provisioned concurrency behind an alias and under the reserved concurrency, no secret in the plain
 * environment, no policy granting every action or resource, and an event source mapping with a source.
 */
final class SamValidator extends DescriptorValidator {
  static final Artifact.Kind KIND = new Artifact.Kind("sam");
  private static final String NAME = "sam (CloudFormation resource specification " + CfnSpec.VERSION + ")";
  private static final String FUNCTION = "AWS::Serverless::Function";
  private static final Set<String> STARTING = Set.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP");
  private static final List<String> SECRET_WORDS = List.of("PASSWORD", "SECRET_KEY", "TOKEN", "PRIVATE_KEY");

  SamValidator() {
    super(KIND, NAME);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    JsonNode t;
    try {
      t = new YAMLMapper().readTree(artifact.content());
    } catch (JsonProcessingException e) {
      return List.of(new Finding(artifact.path(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not YAML: " + e.getOriginalMessage(), NAME));
    }
    List<AwsModelWalk.Problem> problems = new ArrayList<>();
    if (!t.path("AWSTemplateFormatVersion").asText().equals("2010-09-09")) {
      problems.add(new AwsModelWalk.Problem("", "AWSTemplateFormatVersion must be \"2010-09-09\""));
    }
    if (!t.path("Transform").toString().contains("AWS::Serverless-2016-10-31")) {
      problems.add(new AwsModelWalk.Problem("", "a SAM template declares Transform: AWS::Serverless-2016-10-31"));
    }
    if (!t.path("Resources").isObject() || t.path("Resources").isEmpty()) {
      problems.add(new AwsModelWalk.Problem("", "the template has no Resources"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = t.path("Resources").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> r = it.next();
      String at = "/Resources/" + r.getKey();
      String type = r.getValue().path("Type").asText();
      if (!Spec.SPEC.knows(type)) {
        problems.add(new AwsModelWalk.Problem(at + "/Type", "`" + type + "` is not a resource type this template may"
            + " hold (" + FUNCTION + ", AWS::Lambda::EventSourceMapping)"));
        continue;
      }
      JsonNode props = r.getValue().path("Properties");
      problems.addAll(Spec.SPEC.check(type, props, at + "/Properties"));
      if (type.equals(FUNCTION)) {
        function(props, at + "/Properties", problems);
      } else {
        mapping(props, at + "/Properties", problems);
      }
    }
    YamlLines lines = YamlLines.of(artifact.content());
    return problems.stream().map(p -> new Finding(artifact.path(), Math.max(1, lines.line(p.pointer())),
        p.message(), NAME)).toList();
  }

  private static void function(JsonNode f, String at, List<AwsModelWalk.Problem> out) {
    if (!f.path("PackageType").asText().equals("Image") || !f.path("ImageUri").isTextual()) {
      out.add(new AwsModelWalk.Problem(at, "each function runs the deployable's container image: PackageType Image"
          + " with its ImageUri"));
    }
    for (String zipOnly : List.of("Runtime", "Handler", "CodeUri", "InlineCode", "Layers")) {
      if (f.has(zipOnly)) {
        out.add(new AwsModelWalk.Problem(at + "/" + zipOnly, "`" + zipOnly + "` belongs to a .zip package, not an"
            + " image function"));
      }
    }
    range(f, at, "MemorySize", 128, 10240, out);
    range(f, at, "Timeout", 1, 900, out);
    int reserved = f.path("ReservedConcurrentExecutions").asInt(-1);
    JsonNode provisioned = f.at("/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions");
    if (!provisioned.isMissingNode()) {
      if (!f.has("AutoPublishAlias")) {
        out.add(new AwsModelWalk.Problem(at + "/ProvisionedConcurrencyConfig", "provisioned concurrency applies to"
            + " an alias: set AutoPublishAlias"));
      }
      if (reserved >= 0 && provisioned.asInt() > reserved) {
        out.add(new AwsModelWalk.Problem(at + "/ProvisionedConcurrencyConfig", "provisioned concurrency "
            + provisioned.asInt() + " exceeds the reserved concurrency " + reserved));
      }
    }
    for (Iterator<String> names = f.at("/Environment/Variables").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (SECRET_WORDS.stream().anyMatch(name::contains)) {
        out.add(new AwsModelWalk.Problem(at + "/Environment/Variables/" + name, name + " looks like a secret: the"
            + " function reads it from Secrets Manager at start, never from the plain environment"));
      }
    }
    int i = 0;
    for (JsonNode policy : f.path("Policies")) {
      int j = 0;
      for (JsonNode statement : policy.path("Statement")) {
        String where = at + "/Policies/" + i + "/Statement/" + j++;
        if (statement.path("Action").toString().matches(".*\"(\\*|[a-z0-9-]+:\\*)\".*")
            || statement.path("Resource").toString().matches(".*\"\\*\".*")) {
          out.add(new AwsModelWalk.Problem(where, "least privilege: a statement names its actions and resources,"
              + " never `*`"));
        }
      }
      i++;
    }
  }

  private static void mapping(JsonNode m, String at, List<AwsModelWalk.Problem> out) {
    if (!m.has("EventSourceArn") && !m.has("SelfManagedEventSource")) {
      out.add(new AwsModelWalk.Problem(at, "an event source mapping names its source (EventSourceArn)"));
    }
    if (m.has("StartingPosition") && !STARTING.contains(m.path("StartingPosition").asText())) {
      out.add(new AwsModelWalk.Problem(at + "/StartingPosition", "`" + m.path("StartingPosition").asText()
          + "` is not a starting position (" + String.join(", ", STARTING.stream().sorted().toList()) + ")"));
    }
    if (m.path("Topics").size() > 1) {
      out.add(new AwsModelWalk.Problem(at + "/Topics", "a Kafka event source mapping reads one topic"));
    }
  }

  private static void range(JsonNode f, String at, String field, int min, int max, List<AwsModelWalk.Problem> out) {
    if (f.has(field) && (f.path(field).asInt() < min || f.path(field).asInt() > max)) {
      out.add(new AwsModelWalk.Problem(at + "/" + field, field + " " + f.path(field).asText() + " is outside "
          + min + " to " + max));
    }
  }

  /** The specification, read when the first SAM template is checked. */
  private static final class Spec {
    static final CfnSpec SPEC = CfnSpec.load();
  }
}
