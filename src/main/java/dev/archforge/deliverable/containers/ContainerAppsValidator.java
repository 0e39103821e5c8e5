package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks Azure Container App YAML (the Microsoft.App/containerApps resource as {@code az containerapp
 * create --yaml} reads it) in process: a structural check of the members of the ARM resource's
 * shape that archforge writes and the service requires (after the Container Apps REST API
 * specification, 2024-03-01), their types and enumerations, every secret reference resolving to a
 * declared secret, the replica floor under the ceiling and a CPU and memory pair the consumption
 * plan offers. The tests also check the files against the published model of
 * {@code @azure/arm-appcontainers}.
 */
final class ContainerAppsValidator extends DescriptorValidator {
  static final Artifact.Kind KIND = new Artifact.Kind("containerapps");
  private static final String NAME = "containerapps (Microsoft.App/containerApps shape)";
  /** The members each object may have, by its place ({@code []} for every item of a list). */
  private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
      Map.entry("", Set.of("location", "name", "type", "identity", "properties", "tags")),
      Map.entry("/identity", Set.of("type", "userAssignedIdentities")),
      Map.entry("/properties", Set.of("managedEnvironmentId", "environmentId", "workloadProfileName",
          "configuration", "template")),
      Map.entry("/properties/configuration", Set.of("activeRevisionsMode", "ingress", "secrets", "registries",
          "dapr", "maxInactiveRevisions", "service")),
      Map.entry("/properties/configuration/ingress", Set.of("external", "targetPort", "transport", "allowInsecure",
          "exposedPort", "traffic", "customDomains", "ipSecurityRestrictions", "stickySessions",
          "clientCertificateMode", "corsPolicy", "additionalPortMappings")),
      Map.entry("/properties/configuration/secrets/[]", Set.of("name", "value", "keyVaultUrl", "identity")),
      Map.entry("/properties/template", Set.of("containers", "initContainers", "scale", "volumes", "revisionSuffix",
          "serviceBinds", "terminationGracePeriodSeconds")),
      Map.entry("/properties/template/containers/[]", Set.of("name", "image", "env", "resources", "probes",
          "command", "args", "volumeMounts")),
      Map.entry("/properties/template/containers/[]/env/[]", Set.of("name", "value", "secretRef")),
      Map.entry("/properties/template/containers/[]/resources", Set.of("cpu", "memory")),
      Map.entry("/properties/template/containers/[]/probes/[]", Set.of("type", "httpGet", "tcpSocket",
          "periodSeconds", "timeoutSeconds", "failureThreshold", "initialDelaySeconds", "successThreshold",
          "terminationGracePeriodSeconds")),
      Map.entry("/properties/template/containers/[]/probes/[]/httpGet", Set.of("path", "port", "scheme", "host",
          "httpHeaders")),
      Map.entry("/properties/template/containers/[]/probes/[]/tcpSocket", Set.of("port", "host")),
      Map.entry("/properties/template/scale", Set.of("minReplicas", "maxReplicas", "rules", "cooldownPeriod",
          "pollingInterval")),
      Map.entry("/properties/template/scale/rules/[]", Set.of("name", "custom", "azureQueue", "http", "tcp")),
      Map.entry("/properties/template/scale/rules/[]/custom", Set.of("type", "metadata", "auth", "identity")),
      Map.entry("/properties/template/scale/rules/[]/custom/auth/[]", Set.of("secretRef", "triggerParameter")));
  /** The metadata each KEDA scaler we write needs (one of the alternatives, each a set of keys). */
  private static final Map<String, List<Set<String>>> SCALER_METADATA = Map.of(
      "kafka", List.of(Set.of("bootstrapServers", "consumerGroup", "topic")),
      "azure-servicebus", List.of(Set.of("namespace", "queueName"), Set.of("namespace", "topicName",
          "subscriptionName")),
      "rabbitmq", List.of(Set.of("queueName")));
  private static final Map<String, Set<String>> ENUMS = Map.of(
      "/identity/type", Set.of("None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned"),
      "/properties/configuration/activeRevisionsMode", Set.of("Single", "Multiple"),
      "/properties/configuration/ingress/transport", Set.of("auto", "http", "http2", "tcp"),
      "/properties/template/containers/[]/probes/[]/type", Set.of("Liveness", "Readiness", "Startup"));

  /** The members the REST API specification types boolean: a quoted "true" is a string there. */
  private static final Set<String> BOOLEANS = Set.of("/properties/configuration/ingress/external",
      "/properties/configuration/ingress/allowInsecure");

  ContainerAppsValidator() {
    super(KIND, NAME);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    Manifests.Parsed parsed = Manifests.parse(artifact, NAME);
    List<Finding> findings = new ArrayList<>(parsed.errors());
    for (Manifests.Doc doc : parsed.docs()) {
      List<String[]> problems = new ArrayList<>();
      walk(doc.node(), "", "", problems);
      rules(doc.node(), problems);
      problems.forEach(p -> findings.add(doc.finding(p[0], p[1], NAME)));
    }
    return findings;
  }

  private static void walk(JsonNode node, String pointer, String place, List<String[]> problems) {
    if (ENUMS.containsKey(place) && !ENUMS.get(place).contains(node.asText())) {
      problems.add(new String[] {pointer, "`" + node.asText() + "` is not one of " + ENUMS.get(place)});
    }
    if (BOOLEANS.contains(place) && !node.isBoolean()) {
      problems.add(new String[] {pointer, "`" + node + "` is not a boolean"});
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, place + "/[]", problems);
      }
    } else if (node.isObject() && MEMBERS.containsKey(place)) {
      node.fields().forEachRemaining(e -> {
        if (!MEMBERS.get(place).contains(e.getKey())) {
          problems.add(new String[] {pointer + "/" + e.getKey(), "`" + e.getKey() + "` is not a member here"});
        } else {
          walk(e.getValue(), pointer + "/" + e.getKey(), place + "/" + e.getKey(), problems);
        }
      });
    }
  }

  private static void rules(JsonNode app, List<String[]> problems) {
    for (String required : List.of("/location", "/properties/template/containers")) {
      if (app.at(required).isMissingNode() || app.at(required).isEmpty() && !app.at(required).isTextual()) {
        problems.add(new String[] {required.substring(0, required.lastIndexOf('/')), "the required member `"
            + required.substring(required.lastIndexOf('/') + 1) + "` is missing"});
      }
    }
    Set<String> secrets = new HashSet<>();
    app.at("/properties/configuration/secrets").forEach(s -> secrets.add(s.path("name").asText()));
    JsonNode containers = app.at("/properties/template/containers");
    for (int i = 0; i < containers.size(); i++) {
      String at = "/properties/template/containers/" + i;
      JsonNode c = containers.get(i);
      if (c.path("image").asText("").isEmpty() || c.path("name").asText("").isEmpty()) {
        problems.add(new String[] {at, "a container needs a name and an image"});
      }
      JsonNode env = c.path("env");
      for (int j = 0; j < env.size(); j++) {
        JsonNode e = env.get(j);
        if (e.has("secretRef") && !secrets.contains(e.path("secretRef").asText())) {
          problems.add(new String[] {at + "/env/" + j, "secretRef " + e.path("secretRef").asText()
              + " names no secret of configuration.secrets"});
        }
        if (e.has("value") && e.path("name").asText().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
          problems.add(new String[] {at + "/env/" + j, e.path("name").asText() + " looks like a secret: use a "
              + "secretRef, never a plain value"});
        }
      }
      JsonNode resources = c.path("resources");
      double cpu = resources.path("cpu").asDouble(0);
      if (!resources.path("cpu").isNumber() || cpu * 4 != Math.floor(cpu * 4) || cpu <= 0 || cpu > 4
          || !resources.path("memory").asText().equals(memoryFor(cpu))) {
        problems.add(new String[] {at + "/resources", "cpu " + resources.path("cpu") + " with memory "
            + resources.path("memory") + " is not a consumption size (0.25 to 4 vCPU in steps of 0.25, 2 GiB per vCPU)"});
      }
    }
    JsonNode scale = app.at("/properties/template/scale");
    if (scale.path("minReplicas").asInt(0) > scale.path("maxReplicas").asInt(Integer.MAX_VALUE)) {
      problems.add(new String[] {"/properties/template/scale", "minReplicas is above maxReplicas"});
    }
    JsonNode rules = scale.path("rules");
    for (int i = 0; i < rules.size(); i++) {
      scaleRule(rules.get(i), "/properties/template/scale/rules/" + i, secrets, problems);
    }
  }

  /** A custom (KEDA) scale rule: a lowercase name, the scaler's metadata as strings, auth from declared secrets. */
  private static void scaleRule(JsonNode rule, String at, Set<String> secrets, List<String[]> problems) {
    if (!rule.path("name").asText().matches("[a-z0-9][a-z0-9.-]{0,62}")) {
      problems.add(new String[] {at + "/name", "a scale rule's name is lowercase letters, digits, '-' and '.'"});
    }
    JsonNode custom = rule.path("custom");
    if (custom.isMissingNode()) {
      return;
    }
    String type = custom.path("type").asText();
    JsonNode metadata = custom.path("metadata");
    metadata.fields().forEachRemaining(m -> {
      if (!m.getValue().isTextual() || m.getValue().asText().isEmpty()) {
        problems.add(new String[] {at + "/custom/metadata/" + m.getKey(), "KEDA metadata values are non-empty"
            + " strings"});
      }
    });
    List<Set<String>> needs = SCALER_METADATA.get(type);
    if (needs == null) {
      problems.add(new String[] {at + "/custom/type", "`" + type + "` is not a scaler archforge writes "
          + SCALER_METADATA.keySet()});
    } else if (needs.stream().noneMatch(keys -> keys.stream().allMatch(metadata::has))) {
      problems.add(new String[] {at + "/custom/metadata", "the " + type + " scaler needs " + needs.stream()
          .map(keys -> String.join(", ", new TreeSet<>(keys))).reduce((a, b) -> a + " or " + b).orElse("")});
    }
    JsonNode auth = custom.path("auth");
    for (int j = 0; j < auth.size(); j++) {
      if (!secrets.contains(auth.get(j).path("secretRef").asText())) {
        problems.add(new String[] {at + "/custom/auth/" + j, "secretRef " + auth.get(j).path("secretRef").asText()
            + " names no secret of configuration.secrets"});
      }
    }
  }

  private static String memoryFor(double cpu) {
    double gib = cpu * 2;
    return (gib == Math.floor(gib) ? String.valueOf((int) gib) : String.valueOf(gib)) + "Gi";
  }
}
