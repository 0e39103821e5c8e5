package dev.archforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import dev.archforge.validate.YamlSchemaDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenAPI contracts as generate writes them (and Spectral's OWASP ruleset asks): every operation
 * states its security, every string has a maximum length, every array a maximum of items and
 * every integer a range. A document that does not parse is left to {@code openapi/valid}.
 */
final class ContractLimits implements Check {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** Subtrees that hold sample values, not schemas. */
  private static final Set<String> SAMPLES = Set.of("example", "examples", "default", "enum", "const", "x-examples");

  @Override
  public List<ReviewFinding> check(List<Artifact> files, Rules rules) {
    List<ReviewFinding> findings = new ArrayList<>();
    for (Artifact file : files) {
      if (file.kind().equals(SharedKinds.OPENAPI)) {
        YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(file, "openapi", "OpenAPI");
        if (doc.problem() == null) {
          security(file, doc, rules, findings);
          limits(doc.tree(), "", file, doc, rules, findings);
        }
      }
    }
    return findings;
  }

  private static void security(Artifact file, YamlSchemaDocument.Parsed doc, Rules rules, List<ReviewFinding> out) {
    JsonNode global = doc.tree().path("security");
    boolean globallySecured = global.isArray() && !global.isEmpty();
    doc.tree().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (METHODS.contains(op.getKey()) && !op.getValue().has("security") && !globallySecured) {
        String pointer = "/paths/" + YamlSchemaDocument.escape(path.getKey()) + "/" + op.getKey();
        out.add(new ReviewFinding(rules.get("openapi/operation-security"), file.path(), doc.lines().line(pointer),
            op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " states no security requirement"));
      }
    }));
  }

  private static void limits(JsonNode node, String pointer, Artifact file, YamlSchemaDocument.Parsed doc, Rules rules,
      List<ReviewFinding> out) {
    if (node.isObject()) {
      String type = node.path("type").isTextual() ? node.path("type").asText() : "";
      boolean bounded = node.has("enum") || node.has("const");
      if (type.equals("string") && !bounded && !node.has("maxLength")) {
        out.add(finding(rules, "openapi/string-limit", file, doc, pointer, "string without maxLength"));
      } else if (type.equals("array") && !node.has("maxItems")) {
        out.add(finding(rules, "openapi/array-limit", file, doc, pointer, "array without maxItems"));
      } else if (type.equals("integer") && !bounded && !(node.has("minimum") && node.has("maximum"))) {
        out.add(finding(rules, "openapi/integer-limit", file, doc, pointer, "integer without minimum and maximum"));
      }
      node.fields().forEachRemaining(e -> {
        if (!SAMPLES.contains(e.getKey())) {
          limits(e.getValue(), pointer + "/" + YamlSchemaDocument.escape(e.getKey()), file, doc, rules, out);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        limits(node.get(i), pointer + "/" + i, file, doc, rules, out);
      }
    }
  }

  private static ReviewFinding finding(Rules rules, String id, Artifact file, YamlSchemaDocument.Parsed doc,
      String pointer, String what) {
    return new ReviewFinding(rules.get(id), file.path(), doc.lines().line(pointer), pointer + ": " + what);
  }
}
