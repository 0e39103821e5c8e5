package dev.archforge.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.archforge.model.Artifact;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks OpenAPI 3.0 documents twice: with swagger-parser (every message it has becomes a
 * finding) and against the official OpenAPI 3.0 JSON Schema (2021-09-28, draft-04), which catches
 * what the parser forgives (unknown keys, wrong types). {@code $ref}s must stay inside the
 * document: nothing is fetched from the network or read from disk.
 */
public final class OpenApiValidator implements Validator {
  static final String SCHEMA_RESOURCE = "/validate/openapi-3.0.schema.json";
  private static final String PARSER = "openapi (swagger-parser)";
  private static final String SCHEMA = "openapi (json-schema)";

  private final ObjectMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private final JsonSchema schema;

  public OpenApiValidator() {
    this.schema = loadSchema();
  }

  @Override
  public String name() {
    return "openapi";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind() == Artifact.Kind.OPENAPI;
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    String path = artifact.path();
    JsonNode tree;
    try {
      tree = yaml.readTree(artifact.content());
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      return List.of(new Finding(path, at == null ? 0 : Math.max(at.getLineNr(), 0),
          "not valid YAML: " + e.getOriginalMessage(), name()));
    }
    if (tree == null || !tree.isObject()) {
      return List.of(new Finding(path, 0, "not an OpenAPI document: the YAML is not a mapping", name()));
    }
    YamlLines lines = YamlLines.of(artifact.content());
    List<Finding> findings = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    externalRefs(tree, "", outside);
    for (String pointer : outside) {
      findings.add(new Finding(path, lines.line(pointer), pointer + ": $ref '" + tree.at(pointer).asText()
          + "' points outside the document; only local references (#/...) are allowed", name()));
    }
    parse(artifact.content(), outside.isEmpty()).forEach(m -> findings.add(new Finding(path, 0, m, PARSER)));
    for (ValidationMessage m : causes(schema.validate(tree))) {
      String at = m.getInstanceLocation().toString();
      String property = m.getProperty() == null ? "" : "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
      findings.add(new Finding(path, lines.line(at + property), m.getMessage(), SCHEMA));
    }
    return List.copyOf(findings);
  }

  /**
   * The messages without the echoes of OpenAPI's "a schema or a {@code $ref}" choices: a
   * {@code oneOf}/{@code anyOf} summary or a missing {@code $ref} at a place where a more precise
   * message exists at or below it says nothing the precise one does not.
   */
  static List<ValidationMessage> causes(Set<ValidationMessage> messages) {
    List<ValidationMessage> precise = messages.stream().filter(m -> !isEcho(m)).toList();
    List<ValidationMessage> kept = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String at = m.getInstanceLocation().toString();
      boolean explained = isEcho(m) && precise.stream().map(p -> p.getInstanceLocation().toString())
          .anyMatch(p -> p.equals(at) || p.startsWith(at + "/"));
      if (!explained) {
        kept.add(m);
      }
    }
    return kept;
  }

  private static boolean isEcho(ValidationMessage m) {
    return "oneOf".equals(m.getType()) || "anyOf".equals(m.getType())
        || "required".equals(m.getType()) && "$ref".equals(m.getProperty());
  }

  /** swagger-parser's messages; references are resolved only when all are local. */
  private static List<String> parse(String text, boolean resolve) {
    ParseOptions options = new ParseOptions();
    options.setResolve(resolve);
    options.setValidateInternalRefs(true);
    options.setValidateExternalRefs(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    if (result.getOpenAPI() == null && messages.isEmpty()) {
      return List.of("swagger-parser could not read the document as OpenAPI 3.0 (is 'openapi' 3.0.x?)");
    }
    return messages;
  }

  /** Pointers of every {@code $ref} whose value does not start with {@code #}. */
  private static void externalRefs(JsonNode node, String pointer, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (e.getKey().equals("$ref") && e.getValue().isTextual() && !e.getValue().asText().startsWith("#")) {
          out.add(child);
        } else {
          externalRefs(e.getValue(), child, out);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        externalRefs(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static JsonSchema loadSchema() {
    try (InputStream in = OpenApiValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      JsonNode node = new ObjectMapper().readTree(in);
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(node, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }
}
