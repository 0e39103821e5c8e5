package dev.archforge.deliverable.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Naming;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.IdType;
import dev.archforge.model.Plan;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data model and the API agree, checked field by field for every sample (and the fixtures,
 * which reach every field type): each field of an owned entity is a property of the resource,
 * create and patch schemas with the constraints the field implies, written here independently
 * of the generator:
 *
 * <ul>
 *   <li>string: string, maxLength the field's or the blueprint's, a pattern the field's or "no
 *       control characters"; text: the same with the text default and line breaks allowed;
 *   <li>integer / long: int32 / int64, minimum and maximum the field's or the type's range;
 *   <li>decimal: a string (format decimal) whose pattern and maxLength follow precision and scale;
 *   <li>date, datetime, uuid: their format and its length; email, url: format and a maxLength;
 *       bytes: base64 of at most the field's maxLength bytes (1 MiB without one); enum: its
 *       values; json: an object; boolean: boolean;
 *   <li>required: in the resource when required or defaulted, in create when required without a
 *       default, never in patch (where optional fields are nullable to clear them);
 *   <li>secret: write-only in create and patch, absent from the resource; pii: said in the
 *       description; id and audit timestamps: read-only, required, only in the resource.
 * </ul>
 */
class DataModelConsistencyTest {
  private static final String SINGLE_LINE = "^[^\\x00-\\x1F\\x7F-\\x9F]*$";
  private static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*$";

  static Stream<PlanFixtures.Named> plans() {
    return Stream.concat(SamplePlans.all().stream(), Stream.of(
        new PlanFixtures.Named("everything", PlanFixtures.everything("oidc", "url")),
        new PlanFixtures.Named("ecommerce", PlanFixtures.ecommerce()),
        new PlanFixtures.Named("hostile", PlanFixtures.hostile())));
  }

  /** The constraints a field implies; null where none applies. */
  private record Expected(String type, String format, Integer maxLength, Integer minLength, String pattern,
      BigDecimal minimum, BigDecimal maximum, List<String> values) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyFieldIsAPropertyWithTheSameConstraints(PlanFixtures.Named named) {
    Plan plan = named.plan();
    Requirements req = plan.requirements();
    Map<String, JsonNode> docs = OpenApiDocs.documents(plan);
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (Service service : req.services()) {
      JsonNode doc = docs.get(service.name());
      if (doc == null) {
        continue;
      }
      for (Entity entity : req.ownedBy(service)) {
        JsonNode resource = doc.at("/components/schemas/" + entity.name());
        JsonNode create = doc.at("/components/schemas/" + entity.name() + "Create");
        JsonNode patch = doc.at("/components/schemas/" + entity.name() + "Patch");
        for (Field f : entity.fields()) {
          String where = named + " " + entity.name() + "." + f.name();
          Expected expected = expected(f, plan.blueprint().defaults());
          JsonNode inCreate = create.at("/properties/" + f.name());
          JsonNode inPatch = patch.at("/properties/" + f.name());
          JsonNode inResource = resource.at("/properties/" + f.name());
          if (f.name().equals(entity.states())) {
            softly.assertThat(inCreate.isMissingNode() && inPatch.isMissingNode()).as(where + " state in no body")
                .isTrue();
            softly.assertThat(inResource.path("readOnly").asBoolean(false)).as(where + " state read-only").isTrue();
            checked++;
            continue;
          }
          constraints(softly, where + " (create)", inCreate, expected);
          constraints(softly, where + " (patch)", inPatch, expected);
          softly.assertThat(names(create.path("required")).contains(f.name())).as(where + " required in create")
              .isEqualTo(f.required() && f.defaultValue() == null);
          softly.assertThat(names(patch.path("required"))).as(where + " patch requires nothing").isEmpty();
          softly.assertThat(inPatch.path("nullable").asBoolean(false)).as(where + " nullable in patch")
              .isEqualTo(!f.required());
          softly.assertThat(inCreate.path("writeOnly").asBoolean(false)).as(where + " writeOnly").isEqualTo(f.secret());
          softly.assertThat(inPatch.path("writeOnly").asBoolean(false)).as(where + " writeOnly").isEqualTo(f.secret());
          if (f.secret()) {
            softly.assertThat(inResource.isMissingNode()).as(where + " secret not returned").isTrue();
          } else {
            constraints(softly, where + " (resource)", inResource, expected);
            softly.assertThat(inResource.path("readOnly").asBoolean(false)).as(where + " readOnly").isFalse();
            softly.assertThat(names(resource.path("required")).contains(f.name())).as(where + " required")
                .isEqualTo(f.required() || f.defaultValue() != null);
          }
          if (f.pii()) {
            softly.assertThat(inCreate.path("description").asText()).as(where + " pii").contains("Personal data");
          }
          checked++;
        }
        generatedFields(softly, named + " " + entity.name(), entity, resource, create, patch);
        propertyNames(softly, named + " " + entity.name(), entity, req, resource, create);
      }
    }
    assertThat(checked).as("fields checked").isPositive();
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void filtersHaveTheConstraintsOfTheirField(PlanFixtures.Named named) {
    Plan plan = named.plan();
    SoftAssertions softly = new SoftAssertions();
    OpenApiDocs.documents(plan).forEach((service, doc) -> {
      for (Entity entity : plan.requirements().ownedBy(plan.requirements().service(service).orElseThrow())) {
        JsonNode params = doc.at("/paths/~1" + Naming.resourcePath(entity.name()) + "/get/parameters");
        for (Field f : entity.fields()) {
          for (JsonNode p : params) {
            if (f.name().equals(p.path("name").asText()) && "query".equals(p.path("in").asText())) {
              constraints(softly, named + " filter " + entity.name() + "." + f.name(), p.get("schema"),
                  expected(f, plan.blueprint().defaults()));
            }
          }
        }
      }
    });
    softly.assertAll();
  }

  private static Expected expected(Field f, BlueprintDefaults defaults) {
    Integer max = f.maxLength();
    return switch (f.type()) {
      case STRING -> new Expected("string", null, max != null ? max : defaults.stringMaxLength(), f.minLength(),
          f.pattern() != null ? f.pattern() : SINGLE_LINE, null, null, null);
      case TEXT -> new Expected("string", null, max != null ? max : defaults.textMaxLength(), f.minLength(),
          f.pattern() != null ? f.pattern() : MULTI_LINE, null, null, null);
      case INTEGER -> new Expected("integer", "int32", null, null, null, orElse(f.min(), Integer.MIN_VALUE),
          orElse(f.max(), Integer.MAX_VALUE), null);
      case LONG -> new Expected("integer", "int64", null, null, null, orElse(f.min(), Long.MIN_VALUE),
          orElse(f.max(), Long.MAX_VALUE), null);
      case DECIMAL -> decimal(f);
      case BOOLEAN -> new Expected("boolean", null, null, null, null, null, null, null);
      case DATE -> new Expected("string", "date", 10, null, null, null, null, null);
      case DATETIME -> new Expected("string", "date-time", 35, null, null, null, null, null);
      case UUID -> new Expected("string", "uuid", 36, null, null, null, null, null);
      case EMAIL -> new Expected("string", "email", max != null ? max : 254, f.minLength(), null, null, null, null);
      case URL -> new Expected("string", "uri", max != null ? max : 2048, f.minLength(), null, null, null, null);
      case ENUM -> new Expected("string", null, null, null, null, null, null, f.values());
      case JSON -> new Expected("object", null, null, null, null, null, null, null);
      case BYTES -> new Expected("string", "byte", 4 * (((max != null ? max : 1_048_576) + 2) / 3), f.minLength(),
          null, null, null, null);
    };
  }

  /** precision 12, scale 2, min 0 → {@code ^\d{1,10}(\.\d{1,2})?$}, at most 13 characters. */
  private static Expected decimal(Field f) {
    int precision = f.precision() == null ? 19 : f.precision();
    int scale = f.scale() == null ? 2 : f.scale();
    boolean negative = f.min() == null || f.min().signum() < 0;
    int whole = precision - scale;
    String pattern = "^" + (negative ? "-?" : "") + (whole == 0 ? "0" : "\\d{1," + whole + "}")
        + (scale == 0 ? "" : "(\\.\\d{1," + scale + "})?") + "$";
    int length = Math.max(whole, 1) + (scale == 0 ? 0 : scale + 1) + (negative ? 1 : 0);
    return new Expected("string", "decimal", length, null, pattern, null, null, null);
  }

  private static void constraints(SoftAssertions softly, String where, JsonNode p, Expected e) {
    softly.assertThat(p.isMissingNode()).as(where + " exists").isFalse();
    if (p.isMissingNode()) {
      return;
    }
    softly.assertThat(p.path("type").asText()).as(where + " type").isEqualTo(e.type());
    softly.assertThat(p.path("format").asText(null)).as(where + " format").isEqualTo(e.format());
    softly.assertThat(p.has("maxLength") ? p.get("maxLength").asInt() : null).as(where + " maxLength")
        .isEqualTo(e.maxLength());
    softly.assertThat(p.has("minLength") ? p.get("minLength").asInt() : null).as(where + " minLength")
        .isEqualTo(e.minLength());
    softly.assertThat(p.path("pattern").asText(null)).as(where + " pattern").isEqualTo(e.pattern());
    softly.assertThat(p.has("minimum") ? p.get("minimum").decimalValue() : null).as(where + " minimum")
        .usingComparator(DataModelConsistencyTest::compare).isEqualTo(e.minimum());
    softly.assertThat(p.has("maximum") ? p.get("maximum").decimalValue() : null).as(where + " maximum")
        .usingComparator(DataModelConsistencyTest::compare).isEqualTo(e.maximum());
    List<String> values = new ArrayList<>();
    p.path("enum").forEach(v -> {
      if (!v.isNull()) {
        values.add(v.asText());
      }
    });
    softly.assertThat(values).as(where + " enum").isEqualTo(e.values() == null ? List.of() : e.values());
  }

  /** The id and the audit timestamps: read-only and required in the resource, absent from requests. */
  private static void generatedFields(SoftAssertions softly, String where, Entity entity, JsonNode resource,
      JsonNode create, JsonNode patch) {
    JsonNode id = resource.at("/properties/id");
    softly.assertThat(id.path("readOnly").asBoolean(false)).as(where + ".id readOnly").isTrue();
    if (entity.id() == IdType.UUID) {
      softly.assertThat(id.toString()).as(where + ".id").contains("\"type\":\"string\"", "\"format\":\"uuid\"",
          "\"maxLength\":36");
    } else {
      softly.assertThat(id.toString()).as(where + ".id").contains("\"type\":\"integer\"", "\"format\":\"int64\"",
          "\"minimum\":1", "\"maximum\":9223372036854775807");
    }
    List<String> generated = new ArrayList<>(List.of("id"));
    if (entity.audit()) {
      generated.addAll(List.of("createdAt", "updatedAt"));
      for (String t : List.of("createdAt", "updatedAt")) {
        softly.assertThat(resource.at("/properties/" + t).toString()).as(where + "." + t)
            .contains("\"format\":\"date-time\"", "\"maxLength\":35", "\"readOnly\":true");
      }
    } else {
      softly.assertThat(resource.at("/properties/createdAt").isMissingNode()).as(where + " no timestamps").isTrue();
    }
    softly.assertThat(names(resource.path("required"))).as(where + " required").containsAll(generated);
    for (JsonNode request : List.of(create, patch)) {
      softly.assertThat(names(request.path("properties"))).as(where + " requests").doesNotContainAnyElementsOf(
          generated);
      softly.assertThat(request.path("additionalProperties").asBoolean(true)).as(where + " closed").isFalse();
    }
  }

  /** No property the data model does not explain: fields, references, id and timestamps. */
  private static void propertyNames(SoftAssertions softly, String where, Entity entity, Requirements req,
      JsonNode resource, JsonNode create) {
    List<String> references = new ArrayList<>();
    Map<String, IdType> referenceTypes = new LinkedHashMap<>();
    for (Relation r : entity.relations()) {
      IdType target = req.entity(r.to()).orElseThrow().id();
      if (r.kind() == RelationKind.MANY_TO_ONE || r.kind() == RelationKind.ONE_TO_ONE) {
        references.add(r.name() + "Id");
        referenceTypes.put(r.name() + "Id", target);
      } else if (r.kind() == RelationKind.MANY_TO_MANY) {
        references.add(Naming.idsName(r.name()));
        JsonNode array = create.at("/properties/" + Naming.idsName(r.name()));
        softly.assertThat(array.toString()).as(where + "." + r.name()).contains("\"type\":\"array\"",
            "\"maxItems\":100", "\"uniqueItems\":true");
        softly.assertThat(array.at("/items/type").asText()).as(where + "." + r.name() + " items")
            .isEqualTo(target == IdType.UUID ? "string" : "integer");
      }
    }
    referenceTypes.forEach((name, type) -> softly.assertThat(create.at("/properties/" + name + "/format").asText())
        .as(where + "." + name).isEqualTo(type == IdType.UUID ? "uuid" : "int64"));
    List<String> fields = entity.fields().stream().map(Field::name).toList();
    List<String> returned = new ArrayList<>(List.of("id"));
    entity.fields().stream().filter(f -> !f.secret()).forEach(f -> returned.add(f.name()));
    returned.addAll(references);
    if (entity.audit()) {
      returned.addAll(List.of("createdAt", "updatedAt"));
    }
    List<String> sent = new ArrayList<>(fields);
    sent.remove(entity.states()); // only the domain operations change the state
    sent.addAll(references);
    softly.assertThat(names(resource.path("properties"))).as(where + " resource properties")
        .containsExactlyInAnyOrderElementsOf(returned);
    softly.assertThat(names(create.path("properties"))).as(where + " create properties")
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  private static BigDecimal orElse(BigDecimal value, long fallback) {
    return value != null ? value : BigDecimal.valueOf(fallback);
  }

  private static int compare(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? (a == b ? 0 : 1) : a.compareTo(b);
  }

  /** The texts of an array, or the keys of an object. */
  private static List<String> names(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> list.add(n.asText()));
    } else {
      node.fieldNames().forEachRemaining(list::add);
    }
    return list;
  }
}
