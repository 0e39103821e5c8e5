package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.ParsedHcl;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks each {@code .tf} file of {@code infra/}: it parses as HCL (hcl4j); every resource's type
 * exists in its provider and every argument and nested block it sets is one the provider's schema
 * has ({@link ProviderSchema}); every resource that takes {@code tags} or {@code labels} sets them;
 * every {@code var.NAME} the file uses is a variable it declares.
 */
final class InfraValidator implements Validator {
  static final String NAME = "opentofu";
  private static final Pattern VAR_USE = Pattern.compile("(?=v)\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)");
  private static final Pattern VAR_DECLARED = Pattern.compile("(?m)^variable\\s+\"([^\"]+)\"");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(InfraDeliverable.HCL);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    List<Finding> findings = new ArrayList<>();
    ParsedHcl hcl = ParsedHcl.of(artifact);
    if (hcl.map() == null) {
      return List.of(new Finding(artifact.path(), 0, "not valid HCL: " + hcl.problem(), NAME));
    }
    Map<String, Object> parsed = hcl.map();
    if (parsed.get("resource") instanceof Map<?, ?> resources) {
      resources.forEach((type, named) -> {
        if (named instanceof Map<?, ?> byName) {
          byName.forEach((name, body) -> resource(artifact, (String) type, (String) name, body, findings));
        }
      });
    }
    variables(artifact, findings);
    return findings;
  }

  private static void resource(Artifact a, String type, String name, Object body, List<Finding> findings) {
    int line = lineOf(a.content(), "resource \"" + type + "\" \"" + name + "\"");
    Optional<ProviderSchema> schema = ProviderSchema.forType(type);
    if (schema.isEmpty()) {
      findings.add(new Finding(a.path(), line, "resource type " + type + ": no schema of its provider ships with "
          + "archforge (infra/schema/)", NAME));
      return;
    }
    if (!schema.get().hasType(type)) {
      findings.add(new Finding(a.path(), line, "resource type " + type + " does not exist in " + schema.get().source(),
          NAME));
      return;
    }
    Optional<JsonNode> shape = schema.get().resource(type);
    if (shape.isEmpty()) {
      findings.add(new Finding(a.path(), line, "resource type " + type + " is not in the checked-in extract of "
          + schema.get().source() + ": add it with src/test/node/provider-schema.mjs", NAME));
      return;
    }
    if (!(body instanceof Map<?, ?> map)) {
      return;
    }
    check(a, line, type + "." + name, shape.get(), map, true, schema.get().source(), findings);
    JsonNode arguments = shape.get().path("arguments");
    // Google calls them labels; elsewhere labels are something else (an EKS node group's Kubernetes labels)
    String tag = type.startsWith("google_") ? "labels" : "tags";
    if (contains(arguments, tag) && !map.containsKey(tag)) {
      findings.add(new Finding(a.path(), line, type + "." + name + " takes " + tag + " but sets none: every "
          + "resource is tagged with project, service, environment and cost-centre", NAME));
    }
  }

  private static void check(Artifact a, int line, String where, JsonNode shape, Map<?, ?> body, boolean top,
      String source, List<Finding> findings) {
    for (Map.Entry<?, ?> e : body.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (top && ProviderSchema.META.contains(key)) {
        continue;
      }
      JsonNode block = shape.path("blocks").get(key);
      if (key.equals("dynamic") && e.getValue() instanceof Map<?, ?> generated) {
        dynamic(a, line, where, shape, generated, source, findings);
      } else if (block != null) {
        for (Object each : e.getValue() instanceof List<?> list ? list : List.of(e.getValue())) {
          if (each instanceof Map<?, ?> nested) {
            check(a, line, where + "." + key, block, nested, false, source, findings);
          }
        }
      } else if (!contains(shape.path("arguments"), key)) {
        findings.add(new Finding(a.path(), line, where + ": " + key + " is no argument or block of it in " + source,
            NAME));
      }
    }
  }

  /** {@code dynamic "NAME" { for_each = …, content { … } }}: NAME must be a block, its content that block's. */
  private static void dynamic(Artifact a, int line, String where, JsonNode shape, Map<?, ?> generated, String source,
      List<Finding> findings) {
    generated.forEach((name, body) -> {
      JsonNode block = shape.path("blocks").get(String.valueOf(name));
      if (block == null) {
        findings.add(new Finding(a.path(), line, where + ": dynamic " + name + " is no block of it in " + source, NAME));
      } else if (body instanceof Map<?, ?> map && map.get("content") instanceof Map<?, ?> content) {
        check(a, line, where + "." + name, block, content, false, source, findings);
      }
    });
  }

  private static void variables(Artifact a, List<Finding> findings) {
    Set<String> declared = new TreeSet<>();
    Matcher d = VAR_DECLARED.matcher(a.content());
    while (d.find()) {
      declared.add(d.group(1));
    }
    Matcher use = VAR_USE.matcher(a.content());
    Set<String> reported = new TreeSet<>();
    while (use.find()) {
      if (!declared.contains(use.group(1)) && reported.add(use.group(1))) {
        findings.add(new Finding(a.path(), lineAt(a.content(), use.start()), "var." + use.group(1)
            + " is used but no variable \"" + use.group(1) + "\" is declared", NAME));
      }
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static int lineOf(String content, String text) {
    int at = content.indexOf(text);
    return at < 0 ? 0 : lineAt(content, at);
  }

  /** The line, from 1, of {@code offset} in {@code content}. */
  static int lineAt(String content, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (content.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
