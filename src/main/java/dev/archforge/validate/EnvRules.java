package dev.archforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Every environment variable a Deployment's container reads comes from the deployable's own
 * ConfigMap (named like it, holding the key) or from a Secret reference; when External Secrets
 * define the Secrets, the Secret and its key must be one an ExternalSecret creates.
 */
final class EnvRules {
  private static final String NAME = RuntimeConsistencyValidator.NAME;
  private final DeployTree tree;
  private final Manifests.Doc deployment;
  private final String container;
  private final JsonNode node;
  private final List<Finding> findings;

  EnvRules(DeployTree tree, Manifests.Doc deployment, int index, List<Finding> findings) {
    this.tree = tree;
    this.deployment = deployment;
    this.container = "/spec/template/spec/containers/" + index;
    this.node = deployment.node().at(container);
    this.findings = findings;
  }

  void check() {
    String own = deployment.name();
    JsonNode env = node.path("env");
    for (int i = 0; i < env.size(); i++) {
      JsonNode e = env.get(i);
      String variable = e.path("name").asText("?");
      String at = container + "/env/" + i;
      JsonNode from = e.path("valueFrom");
      if (from.has("configMapKeyRef")) {
        JsonNode ref = from.get("configMapKeyRef");
        configMap(at + "/valueFrom/configMapKeyRef", variable, ref.path("name").asText(), ref.path("key").asText());
      } else if (from.has("secretKeyRef")) {
        JsonNode ref = from.get("secretKeyRef");
        secret(at + "/valueFrom/secretKeyRef", variable, ref.path("name").asText(), ref.path("key").asText());
      } else {
        findings.add(deployment.finding(at, own + " reads " + variable + (e.has("value") ? " from an inline value"
            : " from neither") + "; it must come from the ConfigMap " + own + " or a Secret reference", NAME));
      }
    }
    JsonNode envFrom = node.path("envFrom");
    for (int i = 0; i < envFrom.size(); i++) {
      JsonNode source = envFrom.get(i);
      String at = container + "/envFrom/" + i;
      if (source.has("configMapRef")) {
        configMap(at + "/configMapRef", "its environment", source.get("configMapRef").path("name").asText(), null);
      } else if (source.has("secretRef")) {
        secret(at + "/secretRef", "its environment", source.get("secretRef").path("name").asText(), null);
      }
    }
  }

  private void configMap(String at, String variable, String name, String key) {
    String own = deployment.name();
    if (!name.equals(own)) {
      findings.add(deployment.finding(at, own + " reads " + variable + " from ConfigMap '" + name
          + "'; its ConfigMap is " + own, NAME));
      return;
    }
    Optional<JsonNode> data = RuntimeConsistencyValidator.data(tree, name);
    if (data.isEmpty()) {
      findings.add(deployment.finding(at, own + " reads " + variable + " from ConfigMap " + name
          + ", which does not exist", NAME));
    } else if (key != null && !data.get().has(key)) {
      findings.add(deployment.finding(at, own + " reads " + variable + " from key " + key + " of ConfigMap " + name
          + ", which has no such key", NAME));
    }
  }

  private void secret(String at, String variable, String name, String key) {
    List<Manifests.Doc> external = tree.objects("ExternalSecret");
    if (external.isEmpty()) {
      return; // Secrets created out of band (kubernetes-secrets): only the reference is here
    }
    Optional<Manifests.Doc> creator = external.stream()
        .filter(x -> x.node().at("/spec/target/name").asText(x.name()).equals(name)).findFirst();
    if (creator.isEmpty()) {
      findings.add(deployment.finding(at, deployment.name() + " reads " + variable + " from Secret " + name
          + ", which no ExternalSecret creates", NAME));
      return;
    }
    if (key != null) {
      boolean has = false;
      for (JsonNode d : creator.get().node().at("/spec/data")) {
        has |= d.path("secretKey").asText().equals(key);
      }
      if (!has) {
        findings.add(deployment.finding(at, deployment.name() + " reads " + variable + " from key " + key
            + " of Secret " + name + ", which ExternalSecret " + creator.get().name() + " does not define", NAME));
      }
    }
  }
}
