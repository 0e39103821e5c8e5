package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks Cloud Run service YAML, a Knative Service (serving.knative.dev/v1), in process. Knative's
 * RevisionSpec is the Kubernetes PodSpec plus {@code containerConcurrency} and three timeouts (as
 * its published schema, e.g. @kubernetes-models/knative, says): the PodSpec part and every
 * ObjectMeta pass client-java-api's strict model checks (no unknown field, required fields, JSON
 * types); the Service's own members, one serving container with one port named {@code http1} or
 * {@code h2c}, scale bounds that are whole numbers with the floor under the ceiling, and secrets
 * only by reference are checked here.
 */
final class CloudRunValidator extends DescriptorValidator {
  static final Artifact.Kind KIND = new Artifact.Kind("cloudrun");
  private static final String NAME = "cloudrun (Knative Service; client-java-api PodSpec and ObjectMeta)";
  private static final Set<String> REVISION_ONLY = Set.of("containerConcurrency", "timeoutSeconds",
      "idleTimeoutSeconds", "responseStartTimeoutSeconds");
  private static final Set<String> PORT_NAMES = Set.of("http1", "h2c");
  private static final String MIN = "autoscaling.knative.dev/minScale";
  private static final String MAX = "autoscaling.knative.dev/maxScale";

  CloudRunValidator() {
    super(KIND, NAME);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    Manifests.Parsed parsed = Manifests.parse(artifact, NAME);
    List<Finding> findings = new ArrayList<>(parsed.errors());
    if (parsed.docs().size() != 1 && parsed.errors().isEmpty()) {
      findings.add(new Finding(artifact.path(), 1, "a Cloud Run service file holds exactly one Service", NAME));
    }
    for (Manifests.Doc doc : parsed.docs()) {
      List<String[]> problems = new ArrayList<>();
      check(doc.node(), problems);
      problems.forEach(p -> findings.add(doc.finding(p[0], p[1], NAME)));
    }
    return findings;
  }

  private static void check(JsonNode node, List<String[]> problems) {
    if (!node.path("apiVersion").asText().equals("serving.knative.dev/v1") || !node.path("kind").asText()
        .equals("Service")) {
      problems.add(new String[] {"/apiVersion", "expected apiVersion serving.knative.dev/v1, kind Service"});
      return;
    }
    only(node, "", Set.of("apiVersion", "kind", "metadata", "spec"), problems);
    meta(node.path("metadata"), "/metadata", problems);
    if (node.at("/metadata/name").asText("").isEmpty()) {
      problems.add(new String[] {"/metadata", "metadata.name is required"});
    }
    JsonNode spec = node.path("spec");
    only(spec, "/spec", Set.of("template", "traffic"), problems);
    JsonNode template = spec.path("template");
    only(template, "/spec/template", Set.of("metadata", "spec"), problems);
    meta(template.path("metadata"), "/spec/template/metadata", problems);
    scale(template.path("metadata").path("annotations"), problems);
    JsonNode revision = template.path("spec");
    if (!revision.isObject()) {
      problems.add(new String[] {"/spec/template", "spec.template.spec is required"});
      return;
    }
    ObjectNode podSpec = ((ObjectNode) revision).deepCopy();
    for (String field : REVISION_ONLY) {
      JsonNode value = podSpec.remove(field);
      if (value != null && !value.canConvertToInt()) {
        problems.add(new String[] {"/spec/template/spec/" + field, field + " must be a whole number"});
      }
    }
    String message = strict(V1PodSpec::validateJsonElement, podSpec);
    if (message != null) {
      problems.add(new String[] {"/spec/template/spec", "RevisionSpec (PodSpec): " + message});
    }
    containers(revision.path("containers"), problems);
  }

  private static void containers(JsonNode containers, List<String[]> problems) {
    int serving = 0;
    for (int i = 0; i < containers.size(); i++) {
      JsonNode ports = containers.get(i).path("ports");
      String at = "/spec/template/spec/containers/" + i;
      if (ports.size() > 1) {
        problems.add(new String[] {at + "/ports", "a Knative container exposes at most one port"});
      }
      if (!ports.isEmpty()) {
        serving++;
        String portName = ports.get(0).path("name").asText("http1");
        if (!PORT_NAMES.contains(portName)) {
          problems.add(new String[] {at + "/ports/0/name", "the port name must be http1 or h2c, not " + portName});
        }
      }
      JsonNode env = containers.get(i).path("env");
      for (int j = 0; j < env.size(); j++) {
        if (env.get(j).has("value") && env.get(j).path("name").asText().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
          problems.add(new String[] {at + "/env/" + j, env.get(j).path("name").asText() + " looks like a secret: "
              + "reference it with valueFrom.secretKeyRef, never as a plain value"});
        }
      }
    }
    if (serving != 1) {
      problems.add(new String[] {"/spec/template/spec/containers", "exactly one container must serve a port"});
    }
  }

  private static void scale(JsonNode annotations, List<String[]> problems) {
    Integer min = whole(annotations, MIN, problems);
    Integer max = whole(annotations, MAX, problems);
    if (min != null && max != null && max > 0 && min > max) {
      problems.add(new String[] {"/spec/template/metadata/annotations", MIN + " " + min + " is above " + MAX
          + " " + max});
    }
  }

  private static Integer whole(JsonNode annotations, String key, List<String[]> problems) {
    JsonNode value = annotations.path(key);
    if (value.isMissingNode()) {
      return null;
    }
    if (!value.isTextual() || !value.asText().matches("\\d{1,6}")) {
      problems.add(new String[] {"/spec/template/metadata/annotations/" + key.replace("/", "~1"),
          key + " must be a whole number written as a string"});
      return null;
    }
    return Integer.parseInt(value.asText());
  }

  private static void meta(JsonNode metadata, String pointer, List<String[]> problems) {
    if (metadata.isMissingNode()) {
      return;
    }
    String message = strict(V1ObjectMeta::validateJsonElement, metadata);
    if (message != null) {
      problems.add(new String[] {pointer, "ObjectMeta: " + message});
    }
  }

  private static void only(JsonNode node, String pointer, Set<String> allowed, List<String[]> problems) {
    node.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        problems.add(new String[] {pointer + "/" + f, "`" + f + "` is not a field of the Knative Service here"});
      }
    });
  }

  /** A client-java-api model's own strict check ({@code validateJsonElement}). */
  private interface ModelCheck {
    void run(JsonElement json) throws java.io.IOException;
  }

  /** The model check's message without the JSON it appends; null when it passes. */
  private static String strict(ModelCheck model, JsonNode json) {
    try {
      model.run(JsonParser.parseString(json.toString()));
      return null;
    } catch (java.io.IOException | IllegalArgumentException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      int dump = message.indexOf(" in the JSON string");
      return dump > 0 ? message.substring(0, dump) : message.length() > 300 ? message.substring(0, 300) : message;
    }
  }
}
