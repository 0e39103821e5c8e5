package dev.archforge.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.YamlLines;
import dev.archforge.model.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the validators of YAML contracts checked against a JSON Schema (OpenAPI, AsyncAPI) share:
 * reading the YAML strictly, running the schema with findings at their lines, and listing the
 * {@code $ref}s of a document.
 */
public final class YamlSchemaDocument {
  /** A {@code $ref}: where it is (a JSON Pointer) and what it says. */
  public record Ref(String pointer, String value) {}

  /** The parsed document, or the one finding that says why there is none. */
  public record Parsed(JsonNode tree, YamlLines lines, Finding problem) {}

  private YamlSchemaDocument() {}

  /** The artifact's shared tree ({@link GeneratedYaml#parse}: read only); a YAML error or a non-mapping is a finding. */
  public static Parsed read(Artifact artifact, String validator, String documentKind) {
    return read(GeneratedYaml.parse(artifact), artifact, validator, documentKind);
  }

  /** {@code tree} read from {@code artifact}: a document no other check reads need not be kept ({@link GeneratedYaml#read}). */
  public static Parsed read(GeneratedYaml.Tree tree, Artifact artifact, String validator, String documentKind) {
    if (tree.error() != null) {
      JsonLocation at = tree.error().getLocation();
      return new Parsed(null, null, new Finding(artifact.path(), at == null ? 0 : Math.max(at.getLineNr(), 0),
          "not valid YAML: " + tree.error().getOriginalMessage(), validator));
    }
    if (tree.node() == null || !tree.node().isObject()) {
      return new Parsed(null, null, new Finding(artifact.path(), 0, "not an " + documentKind
          + " document: the YAML is not a mapping", validator));
    }
    return new Parsed(tree.node(), YamlLines.of(artifact.content()), null);
  }

  /**
   * A JSON Schema from the class path, with JSON Pointer locations in its messages.
   *
   * @param preload compile every subschema now, which makes the schema safe to share between
   *     threads; without it, subschemas compile when first used (much faster for a large schema
   *     that a document uses a small part of), and callers must not validate from two threads at once
   */
  public static JsonSchema load(String resource, SpecVersion.VersionFlag version, boolean preload) {
    try (InputStream in = YamlSchemaDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      JsonNode node = new ObjectMapper().readTree(in);
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
          .preloadJsonSchema(preload).build();
      return JsonSchemaFactory.getInstance(version).getSchema(node, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The schema's findings, each at the line of the place it names. */
  public static List<Finding> schemaFindings(JsonSchema schema, Parsed doc, String path, String validator) {
    List<Finding> findings = new ArrayList<>();
    for (ValidationMessage m : causes(schema.validate(doc.tree()))) {
      String at = m.getInstanceLocation().toString();
      String property = m.getProperty() == null ? "" : "/" + escape(m.getProperty());
      findings.add(new Finding(path, doc.lines().line(at + property), m.getMessage(), validator));
    }
    return findings;
  }

  /**
   * The messages without the echoes of "a schema or a {@code $ref}" choices: a
   * {@code oneOf}/{@code anyOf} summary or a missing {@code $ref} at a place where a more precise
   * message exists at or below it says nothing the precise one does not.
   */
  public static List<ValidationMessage> causes(Set<ValidationMessage> messages) {
    List<String> precise = messages.stream().filter(m -> !isEcho(m)).map(m -> m.getInstanceLocation().toString())
        .toList();
    return messages.stream().filter(m -> !isEcho(m) || precise.stream().noneMatch(p -> p.equals(
        m.getInstanceLocation().toString()) || p.startsWith(m.getInstanceLocation() + "/"))).toList();
  }

  private static boolean isEcho(ValidationMessage m) {
    return "oneOf".equals(m.getType()) || "anyOf".equals(m.getType())
        || "required".equals(m.getType()) && "$ref".equals(m.getProperty());
  }

  /** Every {@code $ref} with a text value, in document order; a pointer is built only for a {@code $ref}. */
  public static List<Ref> refs(JsonNode tree) {
    List<Ref> out = new ArrayList<>();
    refs(tree, new ArrayList<>(), out);
    return out;
  }

  private static void refs(JsonNode node, List<Object> path, List<Ref> out) { // path: keys and indexes from the root
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          StringBuilder pointer = new StringBuilder();
          path.forEach(p -> pointer.append('/').append(p instanceof String key ? escape(key) : p));
          out.add(new Ref(pointer + "/$ref", e.getValue().asText()));
        } else {
          path.add(e.getKey());
          refs(e.getValue(), path, out);
          path.remove(path.size() - 1);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        refs(node.get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  /** A key as a JSON Pointer segment (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
