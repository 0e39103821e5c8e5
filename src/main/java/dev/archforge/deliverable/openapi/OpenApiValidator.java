package dev.archforge.deliverable.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import dev.archforge.facts.YamlLines;
import dev.archforge.validate.YamlSchemaDocument;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
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

  /** Compiled once per process, on first use; immutable, so validations share it. */
  private static final class Schema {
    static final JsonSchema OPENAPI = YamlSchemaDocument.load(SCHEMA_RESOURCE, SpecVersion.VersionFlag.V4, true);
  }

  @Override
  public String name() {
    return "openapi";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(OpenApiDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    String path = artifact.path();
    // read here alone: the tree is not kept with the artifact
    YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(GeneratedYaml.read(artifact.content()), artifact, name(),
        "OpenAPI");
    if (doc.problem() != null) {
      return List.of(doc.problem());
    }
    JsonNode tree = doc.tree();
    YamlLines lines = doc.lines();
    List<Finding> findings = new ArrayList<>();
    List<String> outside = YamlSchemaDocument.refs(tree).stream().filter(r -> !r.value().startsWith("#"))
        .map(YamlSchemaDocument.Ref::pointer).toList();
    for (String pointer : outside) {
      findings.add(new Finding(path, lines.line(pointer), pointer + ": $ref '" + tree.at(pointer).asText()
          + "' points outside the document; only local references (#/...) are allowed", name()));
    }
    parse(tree, artifact.content(), outside.isEmpty()).forEach(m -> findings.add(new Finding(path,
        lines.line(pointer(m, tree)), m, PARSER)));
    findings.addAll(YamlSchemaDocument.schemaFindings(Schema.OPENAPI, doc, path, SCHEMA));
    return List.copyOf(findings);
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

  /**
   * swagger-parser's messages; references are resolved only when all are local. swagger-parser
   * reads the tree already parsed here (its own YAML reading parses the text, writes it as JSON and
   * parses that again: most of its time on large documents); a copy, so that it cannot change ours.
   * {@code readContents} does the same two steps, parse then resolve, for OpenAPI 3.0.
   */
  private static List<String> parse(JsonNode tree, String text, boolean resolve) {
    ParseOptions options = new ParseOptions();
    options.setResolve(resolve);
    options.setValidateInternalRefs(true);
    options.setValidateExternalRefs(false);
    boolean v30 = !tree.path("openapi").asText().startsWith("3.1"); // 3.1 resolves otherwise: leave it to readContents
    SwaggerParseResult result = v30 ? new OpenAPIV3Parser().parseJsonNode(null, withoutDateExamples(tree.deepCopy()), options)
        : new OpenAPIV3Parser().readContents(text, null, options);
    if (v30 && result.getOpenAPI() != null && resolve) {
      try {
        new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), null, null, options).resolve(result);
      } catch (RuntimeException e) {
        result.getMessages().add(e.getMessage());
      }
    }
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    if (result.getOpenAPI() == null && messages.isEmpty()) {
      return List.of("swagger-parser could not read the document as OpenAPI 3.0 (is 'openapi' 3.0.x?)");
    }
    return messages;
  }

  /**
   * The tree without the examples of {@code format: date} schemas. swagger-parser reports nothing
   * about them (an example it cannot read as a date becomes null), but reads each with a new
   * {@code SimpleDateFormat} and a time-zone lookup, a tenth of its time on a large document; the
   * JSON Schema check still reads them.
   */
  private static JsonNode withoutDateExamples(JsonNode node) {
    if (node instanceof ObjectNode object && "date".equals(object.path("format").asText(null))
        && object.path("example").isTextual()) {
      object.remove("example");
    }
    node.forEach(OpenApiValidator::withoutDateExamples);
    return node;
  }
}
