package dev.archforge.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
  private static final ObjectMapper YAML = GeneratedYaml.mapper();

  /** A {@code $ref}: where it is (a JSON Pointer) and what it says. */
  public record Ref(String pointer, String value) {}

  /** The parsed document, or the one finding that says why there is none. */
  public record Parsed(JsonNode tree, YamlLines lines, Finding problem) {}

  private YamlSchemaDocument() {}

  /** Parses an artifact; a YAML error or a document that is not a mapping is a finding. */
  public static Parsed read(Artifact artifact, String validator, String documentKind) {
    String path = artifact.path();
    JsonNode tree;
    try {
      tree = YAML.readTree(artifact.content());
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      return new Parsed(null, null, new Finding(path, at == null ? 0 : Math.max(at.getLineNr(), 0),
          "not valid YAML: " + e.getOriginalMessage(), validator));
    }
    if (tree == null || !tree.isObject()) {
      return new Parsed(null, null, new Finding(path, 0, "not an " + documentKind
          + " document: the YAML is not a mapping", validator));
    }
    return new Parsed(tree, YamlLines.of(artifact.content()), null);
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

  /** Every {@code $ref} with a text value, in document order. */
  public static List<Ref> refs(JsonNode tree) {
    List<Ref> out = new ArrayList<>();
    refs(tree, "", out);
    return out;
  }

  private static void refs(JsonNode node, String pointer, List<Ref> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = pointer + "/" + escape(e.getKey());
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          out.add(new Ref(child, e.getValue().asText()));
        } else {
          refs(e.getValue(), child, out);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refs(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  /** A key as a JSON Pointer segment (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
