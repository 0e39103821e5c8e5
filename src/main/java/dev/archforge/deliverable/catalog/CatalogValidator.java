package dev.archforge.deliverable.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import dev.archforge.validate.Validator;
import dev.archforge.validate.YamlSchemaDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@code catalog-info.yaml} as Backstage's catalog does: each entity against the published
 * JSON Schema of its kind ({@code @backstage/catalog-model}, see {@code validate/NOTICE.md}), after
 * the {@code $text} placeholders are substituted as the catalog substitutes them; entity names by
 * Backstage's rule (63 characters of letters and digits with single {@code -_.} between them); no
 * two entities of one kind with one name.
 */
final class CatalogValidator implements Validator {
  static final String NAME = "backstage-catalog";
  private static final String BASE = "https://backstage.io/schema/";
  private static final Pattern ENTITY_NAME = Pattern.compile("([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+");
  private static final Map<String, String> KINDS = Map.of("System", "SystemV1alpha1", "Component",
      "ComponentV1alpha1", "API", "ApiV1alpha1", "Resource", "ResourceV1alpha1");

  /** The schemas, compiled once per process with every subschema, so safe to share between threads. */
  private static final class Schemas {
    static final Map<String, JsonSchema> BY_KIND = load();

    private static Map<String, JsonSchema> load() {
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
          b -> b.schemaMappers(m -> m.add(iri -> iri.toString().startsWith(BASE)
              ? AbsoluteIri.of("classpath:validate/backstage/" + iri.toString().substring(BASE.length())
                  .replaceFirst("#.*$", "") + ".schema.json") : null)));
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
          .preloadJsonSchema(true).build();
      Map<String, JsonSchema> map = new java.util.HashMap<>();
      KINDS.forEach((kind, id) -> map.put(kind, factory.getSchema(SchemaLocation.of(BASE + id), config)));
      return Map.copyOf(map);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(CatalogDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    Manifests.Parsed parsed = Manifests.parse(artifact, NAME);
    List<Finding> findings = new ArrayList<>(parsed.errors());
    Set<String> seen = new HashSet<>();
    for (Manifests.Doc doc : parsed.docs()) {
      JsonSchema schema = Schemas.BY_KIND.get(doc.kind());
      if (schema == null) {
        findings.add(doc.finding("/kind", "kind " + doc.kind() + " is none archforge writes (System, Component,"
            + " API, Resource)", NAME));
        continue;
      }
      for (ValidationMessage m : YamlSchemaDocument.causes(schema.validate(substituted(doc.node())))) {
        String at = m.getInstanceLocation().toString();
        String property = m.getProperty() == null ? "" : "/" + YamlSchemaDocument.escape(m.getProperty());
        findings.add(doc.finding(at + property, doc.kind() + " " + doc.name() + ": " + m.getMessage(), NAME));
      }
      String name = doc.name();
      if (name == null || name.length() > 63 || !ENTITY_NAME.matcher(name).matches()) {
        findings.add(doc.finding("/metadata/name", "the entity name '" + name + "' breaks Backstage's rule: at most 63"
            + " letters and digits, with single '-', '_' or '.' between them", NAME));
      }
      if (!seen.add(doc.kind() + ":" + name)) {
        findings.add(doc.finding("/metadata/name", "a second " + doc.kind() + " named " + name, NAME));
      }
    }
    return findings;
  }

  /** The entity as the catalog sees it: each {@code {$text: PATH}} replaced by that file's text (here, its name). */
  static JsonNode substituted(JsonNode node) {
    JsonNode copy = node.deepCopy();
    substitute(copy);
    return copy;
  }

  private static void substitute(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        JsonNode v = e.getValue();
        if (v.isObject() && v.size() == 1 && v.path("$text").isTextual()) {
          object.put(e.getKey(), "(the text of " + v.path("$text").asText() + ")");
        } else {
          substitute(v);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(CatalogValidator::substitute);
    }
  }
}
