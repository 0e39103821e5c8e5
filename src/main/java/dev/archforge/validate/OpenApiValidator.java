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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks OpenAPI 3.0 documents twice: with swagger-parser (every message it has becomes a
 * finding) and against the official OpenAPI 3.0 JSON Schema (2021-09-28, draft-04), which catches
 * what the parser forgives (unknown keys, wrong types). {@code $ref}s must stay inside the
 * document: nothing is fetched from the network or read from disk. Findings carry the line of the
 * place they are about: the schema check gives a JSON Pointer, and swagger-parser's messages name a
 * dotted location ({@code attribute paths.'/things'(get).responses is missing}) that
 * {@link #pointer} turns into one; a message that names no place gets line 0.
 */
public final class OpenApiValidator implements Validator {
  static final String SCHEMA_RESOURCE = "/validate/openapi-3.0.schema.json";
  private static final String PARSER = "openapi (swagger-parser)";
  private static final String SCHEMA = "openapi (json-schema)";
  /** The location in swagger-parser's messages: {@code attribute <location> is missing}. */
  private static final Pattern PARSER_LOCATION = Pattern.compile(
      "^attribute (.+) is (?:unexpected|missing|not of type|unsupported|repeated|reserved)");

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
    parse(artifact.content(), outside.isEmpty()).forEach(m -> findings.add(new Finding(path,
        lines.line(pointer(m, tree)), m, PARSER)));
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

  /**
   * The JSON Pointer of the place a swagger-parser message names, as far as it can be followed:
   * {@code attribute paths.'/things/{id}'(get).parameters.[limit].in is missing} gives
   * {@code /paths/~1things~1{id}/get/parameters/0/in}. Quoted segments are keys, {@code (get)} a
   * method, {@code [name]} the parameter of that name. Where the message leaves the tree (a key
   * that is missing, a parameter without a name), the pointer stops there, so the finding gets
   * the line of the nearest place that exists; a message of another shape gives "" (no line).
   */
  static String pointer(String message, JsonNode tree) {
    Matcher m = PARSER_LOCATION.matcher(message);
    if (!m.find()) {
      return "";
    }
    String location = m.group(1);
    StringBuilder pointer = new StringBuilder();
    int i = 0;
    while (i < location.length()) {
      char c = location.charAt(i);
      String segment;
      if (c == '.') {
        i++;
        continue;
      } else if (c == '\'') {
        int end = location.indexOf('\'', i + 1);
        segment = end < 0 ? location.substring(i + 1) : location.substring(i + 1, end);
        i = end < 0 ? location.length() : end + 1;
      } else if (c == '(') {
        int end = location.indexOf(')', i);
        segment = end < 0 ? location.substring(i + 1) : location.substring(i + 1, end);
        i = end < 0 ? location.length() : end + 1;
      } else if (c == '[') {
        int end = location.indexOf(']', i);
        String name = end < 0 ? location.substring(i + 1) : location.substring(i + 1, end);
        i = end < 0 ? location.length() : end + 1;
        segment = parameterIndex(tree.at(pointer.toString()), name);
        if (segment == null) {
          break;
        }
      } else {
        int end = i;
        while (end < location.length() && ".('[".indexOf(location.charAt(end)) < 0) {
          end++;
        }
        segment = location.substring(i, end);
        i = end;
      }
      if (segment.startsWith("#/") || tree.at(pointer.toString()).isMissingNode()) {
        break;
      }
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  /** The index, as text, of the parameter named {@code name} in a parameters array, or null. */
  private static String parameterIndex(JsonNode parameters, String name) {
    for (int k = 0; k < parameters.size(); k++) {
      if (name.equals(parameters.get(k).path("name").asText(null))) {
        return Integer.toString(k);
      }
    }
    return null;
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
