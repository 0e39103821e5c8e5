package dev.archforge.deliverable.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders fixtures with the real renderer and reads the documents back as trees. */
public final class OpenApiDocs {
  static final ObjectMapper YAML = new YAMLMapper();
  private static final JsonSchemaFactory DRAFT4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final SchemaValidatorsConfig ASSERT_FORMATS =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final Set<String> OAS_ONLY = Set.of("nullable", "example", "readOnly", "writeOnly", "deprecated",
      "discriminator", "xml", "externalDocs");

  private OpenApiDocs() {}

  public static List<Artifact> artifacts(Plan plan) {
    return new OpenApiDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  /** Each document of the plan by service name. */
  public static Map<String, JsonNode> documents(Plan plan) {
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    for (Artifact a : artifacts(plan)) {
      docs.put(a.path().split("/")[1], tree(a.content()));
    }
    return docs;
  }

  public static JsonNode document(Plan plan, String service) {
    JsonNode doc = documents(plan).get(service);
    if (doc == null) {
      throw new AssertionError("no document for " + service);
    }
    return doc;
  }

  public static JsonNode tree(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation of a document: method and path as a label, and the operation node. */
  public static Map<String, JsonNode> operations(JsonNode doc) {
    Map<String, JsonNode> ops = new LinkedHashMap<>();
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (!op.getKey().equals("parameters")) {
        ops.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
      }
    }));
    return ops;
  }

  /** A component schema or parameter found through its $ref. */
  public static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : doc.at(ref.asText().substring(1));
  }

  /** Every node of the document that carries an {@code example} next to a {@code type}, by pointer. */
  public static Map<String, JsonNode> schemasWithExamples(JsonNode doc) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    collect(doc, "", found);
    return found;
  }

  private static void collect(JsonNode node, String pointer, Map<String, JsonNode> found) {
    if (node.isObject()) {
      if (node.has("type") && node.get("type").isTextual() && node.has("example")) {
        found.put(pointer, node);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, found);
      }
    }
  }

  /**
   * An OpenAPI 3.0 schema as a JSON Schema (draft-04) that a plain validator understands: local
   * {@code $ref}s inlined, {@code nullable} turned into a null type, OpenAPI-only keywords dropped.
   */
  public static JsonNode jsonSchema(JsonNode doc, JsonNode oas) {
    if (oas.isArray()) {
      ArrayNode out = YAML.createArrayNode();
      oas.forEach(item -> out.add(jsonSchema(doc, item)));
      return out;
    }
    if (!oas.isObject()) {
      return oas;
    }
    if (oas.has("$ref")) {
      return jsonSchema(doc, resolve(doc, oas));
    }
    ObjectNode out = YAML.createObjectNode();
    oas.properties().forEach(e -> {
      if (!OAS_ONLY.contains(e.getKey())) {
        boolean map = e.getKey().equals("properties");
        out.set(e.getKey(), map ? mapOfSchemas(doc, e.getValue()) : jsonSchema(doc, e.getValue()));
      }
    });
    if (oas.path("nullable").asBoolean(false)) {
      ArrayNode types = YAML.createArrayNode().add(oas.get("type").asText()).add("null");
      out.set("type", types);
    }
    return out;
  }

  private static JsonNode mapOfSchemas(JsonNode doc, JsonNode properties) {
    ObjectNode out = YAML.createObjectNode();
    properties.properties().forEach(e -> out.set(e.getKey(), jsonSchema(doc, e.getValue())));
    return out;
  }

  /**
   * Every {@code example} and {@code default} of the document that its own schema rejects, checked
   * by a JSON Schema validator with format assertions on; each entry names the place and why.
   */
  public static List<String> invalidExamples(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    schemasWithExamples(doc).forEach((pointer, oas) -> {
      JsonSchema schema = DRAFT4.getSchema(jsonSchema(doc, oas), ASSERT_FORMATS);
      for (String keyword : List.of("example", "default")) {
        if (oas.has(keyword)) {
          schema.validate(oas.get(keyword)).forEach(m -> problems.add(pointer + " " + keyword + " "
              + oas.get(keyword) + ": " + m.getMessage()));
        }
      }
    });
    return problems;
  }

  public static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
