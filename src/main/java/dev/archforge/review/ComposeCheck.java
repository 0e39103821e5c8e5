package dev.archforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.model.Artifact;
import dev.archforge.validate.YamlSchemaDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compose files as generate writes them: a {@code services:} mapping, every image pinned to a
 * version, no secret written into {@code environment:} (they come from env files or the shell).
 */
final class ComposeCheck implements Check {
  @Override
  public List<ReviewFinding> check(List<Artifact> files, Rules rules) {
    return Check.each(files, Classifier.COMPOSE, f -> check(f, rules));
  }

  private List<ReviewFinding> check(Artifact file, Rules rules) {
    YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(file, "compose", "Compose");
    if (doc.problem() != null) {
      return List.of(new ReviewFinding(rules.get("compose/valid"), file.path(), doc.problem().line(),
          doc.problem().message()));
    }
    JsonNode services = doc.tree().path("services");
    if (!services.isObject()) {
      return List.of(new ReviewFinding(rules.get("compose/valid"), file.path(), doc.lines().line("/services"),
          "services is not a mapping of service names to services"));
    }
    List<ReviewFinding> findings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> service = it.next();
      String at = "/services/" + YamlSchemaDocument.escape(service.getKey());
      String image = service.getValue().path("image").asText("");
      if (!image.isEmpty() && !DockerfileCheck.unpinned(image).isEmpty()) {
        findings.add(new ReviewFinding(rules.get("compose/pinned-image"), file.path(), doc.lines().line(at + "/image"),
            "service " + service.getKey() + ": image " + image + " " + DockerfileCheck.unpinned(image)));
      }
      JsonNode environment = service.getValue().path("environment");
      if (environment.isObject()) {
        environment.fields().forEachRemaining(e -> {
          if (SecretNames.isSecret(e.getKey()) && SecretNames.isLiteral(e.getValue().asText(null))) {
            findings.add(secret(rules, file, doc, at + "/environment/" + YamlSchemaDocument.escape(e.getKey()),
                service.getKey(), e.getKey()));
          }
        });
      } else if (environment.isArray()) {
        for (int i = 0; i < environment.size(); i++) {
          String[] pair = environment.get(i).asText("").split("=", 2);
          if (pair.length == 2 && SecretNames.isSecret(pair[0]) && SecretNames.isLiteral(pair[1])) {
            findings.add(secret(rules, file, doc, at + "/environment/" + i, service.getKey(), pair[0]));
          }
        }
      }
    }
    return findings;
  }

  private static ReviewFinding secret(Rules rules, Artifact file, YamlSchemaDocument.Parsed doc, String pointer,
      String service, String key) {
    return new ReviewFinding(rules.get("compose/plain-secret"), file.path(), doc.lines().line(pointer),
        "service " + service + ": environment " + key + " holds a secret in plain text");
  }
}
