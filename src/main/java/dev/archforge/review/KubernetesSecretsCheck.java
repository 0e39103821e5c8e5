package dev.archforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Manifests;
import dev.archforge.validate.YamlSchemaDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * No secret in plain Kubernetes configuration: a ConfigMap key that names a secret, or a
 * container's {@code env} entry with a literal {@code value} for one (it should be
 * {@code valueFrom.secretKeyRef}).
 */
final class KubernetesSecretsCheck implements Check {
  @Override
  public List<ReviewFinding> check(List<Artifact> files, Rules rules) {
    List<ReviewFinding> findings = new ArrayList<>();
    Rule rule = rules.get("k8s/plain-secret");
    for (Artifact file : files) {
      if (!file.kind().equals(SharedKinds.KUBERNETES)) {
        continue;
      }
      for (Manifests.Doc doc : Manifests.parse(file, "review").docs()) {
        if (doc.kind().equals("ConfigMap")) {
          doc.node().path("data").fields().forEachRemaining(e -> {
            if (SecretNames.isSecret(e.getKey()) && SecretNames.isLiteral(e.getValue().asText(null))) {
              findings.add(new ReviewFinding(rule, file.path(), doc.line("/data/" + YamlSchemaDocument.escape(e.getKey())),
                  "ConfigMap " + doc.name() + ": " + e.getKey() + " holds a secret in plain text"));
            }
          });
        }
        containers(doc.node(), "", doc, rule, findings);
      }
    }
    return findings;
  }

  /** Every {@code containers}/{@code initContainers} list under the object, wherever the kind keeps it. */
  private static void containers(JsonNode node, String pointer, Manifests.Doc doc, Rule rule, List<ReviewFinding> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        String at = pointer + "/" + YamlSchemaDocument.escape(e.getKey());
        if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
          for (int i = 0; i < e.getValue().size(); i++) {
            env(e.getValue().get(i), at + "/" + i, doc, rule, out);
          }
        } else {
          containers(e.getValue(), at, doc, rule, out);
        }
      });
    }
  }

  private static void env(JsonNode container, String pointer, Manifests.Doc doc, Rule rule, List<ReviewFinding> out) {
    JsonNode env = container.path("env");
    for (int i = 0; i < env.size(); i++) {
      JsonNode entry = env.get(i);
      String name = entry.path("name").asText("");
      if (SecretNames.isSecret(name) && entry.has("value") && SecretNames.isLiteral(entry.get("value").asText(null))) {
        out.add(new ReviewFinding(rule, doc.path(), doc.line(pointer + "/env/" + i + "/value"), doc.kind() + " "
            + doc.name() + ": container " + container.path("name").asText("?") + " sets " + name
            + " in plain text; read it with valueFrom.secretKeyRef"));
      }
    }
  }
}
