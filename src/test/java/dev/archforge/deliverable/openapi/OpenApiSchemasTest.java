package dev.archforge.deliverable.openapi;

import dev.archforge.facts.api.FieldSchemas;
import dev.archforge.facts.api.Limits;
import static dev.archforge.deliverable.openapi.OpenApiDocs.document;
import static dev.archforge.deliverable.openapi.OpenApiDocs.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Plan;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenApiSchemasTest {
  static Stream<PlanFixtures.Named> fixtures() {
    return PlanFixtures.all().stream();
  }

  /** Every owned entity of every REST service with the document that describes it. */
  private static List<Object[]> entitiesWithDocuments(Plan plan) {
    List<Object[]> list = new ArrayList<>();
    Map<String, JsonNode> docs = OpenApiDocs.documents(plan);
    for (Service s : plan.requirements().services()) {
      if (docs.containsKey(s.name())) {
        plan.requirements().ownedBy(s).forEach(e -> list.add(new Object[] {e, docs.get(s.name())}));
      }
    }
    return list;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFieldMapsToAPropertyWithTheSameConstraints(PlanFixtures.Named fixture) {
    for (Object[] pair : entitiesWithDocuments(fixture.plan())) {
      Entity entity = (Entity) pair[0];
      JsonNode doc = (JsonNode) pair[1];
      JsonNode create = doc.at("/components/schemas/" + entity.name() + "Create");
      JsonNode response = doc.at("/components/schemas/" + entity.name());
      for (Field f : entity.fields()) {
        String where = entity.name() + "." + f.name();
        JsonNode p = create.at("/properties/" + f.name());
        assertThat(p.isMissingNode()).as(where).isFalse();
        assertThat(p.get("type").asText()).as(where).isEqualTo(expectedType(f.type()));
        assertThat(p.path("format").asText(null)).as(where).isEqualTo(expectedFormat(f.type()));
        assertThat(p.has("maxLength") ? p.get("maxLength").asInt() : null).as(where).isEqualTo(expectedMaxLength(f));
        assertThat(p.has("minLength") ? p.get("minLength").asInt() : null).as(where).isEqualTo(f.minLength());
        List<String> values = new ArrayList<>();
        p.path("enum").forEach(v -> values.add(v.asText()));
        assertThat(values).as(where).isEqualTo(f.type() == FieldType.ENUM ? f.values() : List.of());
        assertThat(textList(create.path("required")).contains(f.name())).as(where + " required")
            .isEqualTo(f.required() && f.defaultValue() == null);
        assertThat(p.path("writeOnly").asBoolean(false)).as(where + " writeOnly").isEqualTo(f.secret());
        assertThat(response.at("/properties/" + f.name()).isMissingNode()).as(where + " in response")
            .isEqualTo(f.secret());
        if (f.min() != null && (f.type() == FieldType.INTEGER || f.type() == FieldType.LONG)) {
          assertThat(p.get("minimum").decimalValue()).as(where).isEqualByComparingTo(f.min());
        }
        if (f.max() != null && (f.type() == FieldType.INTEGER || f.type() == FieldType.LONG)) {
          assertThat(p.get("maximum").decimalValue()).as(where).isEqualByComparingTo(f.max());
        }
        if (f.type() == FieldType.DECIMAL && f.min() != null) {
          assertThat(p.get("description").asText()).as(where).contains("minimum " + f.min().toPlainString());
        }
        if (f.pii()) {
          assertThat(p.get("description").asText()).as(where).contains("Personal data");
        }
      }
      assertThat(create.get("additionalProperties").asBoolean(true)).as(entity.name()).isFalse();
    }
  }

  @Test
  void idsAndTimestampsAreReadOnlyInResponsesAndAbsentFromRequests() {
    JsonNode doc = document(PlanFixtures.everything("oidc", "url"), "lab");
    JsonNode sample = doc.at("/components/schemas/Sample/properties");
    assertThat(sample.at("/id").toString()).contains("\"type\":\"integer\"", "\"format\":\"int64\"",
        "\"readOnly\":true");
    assertThat(sample.at("/createdAt").toString()).contains("\"format\":\"date-time\"", "\"readOnly\":true");
    assertThat(doc.at("/components/schemas/Twin/properties/id").toString()).contains("\"format\":\"uuid\"");
    assertThat(doc.at("/components/schemas/Twin/properties/createdAt").isMissingNode()).isTrue();
    assertThat(doc.at("/paths/~1samples~1{sampleId}/parameters/0/schema/type").asText()).isEqualTo("integer");
    for (String request : List.of("SampleCreate", "SamplePatch")) {
      assertThat(names(doc.at("/components/schemas/" + request + "/properties")))
          .doesNotContain("id", "createdAt", "updatedAt");
    }
  }

  @Test
  void relationsBecomeIdsOrLimitedUniqueIdArrays() {
    JsonNode doc = document(PlanFixtures.everything("oidc", "url"), "lab");
    JsonNode props = doc.at("/components/schemas/SampleCreate/properties");
    assertThat(props.at("/ownerId").toString()).contains("\"type\":\"integer\"", "\"format\":\"int64\"");
    assertThat(props.at("/twinId/format").asText()).isEqualTo("uuid");
    assertThat(props.at("/tagIds").toString()).contains("\"type\":\"array\"", "\"maxItems\":100",
        "\"uniqueItems\":true");
    assertThat(props.at("/tagIds/items/format").asText()).isEqualTo("uuid");
    assertThat(props.has("notes")).isFalse();
    assertThat(props.has("notesIds")).isFalse();
    assertThat(textList(doc.at("/components/schemas/SampleCreate/required"))).contains("ownerId")
        .doesNotContain("twinId", "tagIds");
    assertThat(doc.at("/components/schemas/SamplePatch/properties/twinId/nullable").asBoolean()).isTrue();
    assertThat(doc.at("/components/schemas/SamplePatch/properties/ownerId/nullable").asBoolean()).isFalse();
  }

  @Test
  void secretsAreWriteOnlyAndNeverInResponsesFiltersSortOrPageExamples() {
    JsonNode doc = document(PlanFixtures.everything("oidc", "url"), "lab");
    assertThat(doc.at("/components/schemas/SampleCreate/properties/password/writeOnly").asBoolean()).isTrue();
    assertThat(doc.at("/components/schemas/SamplePatch/properties/apiToken/writeOnly").asBoolean()).isTrue();
    assertThat(names(doc.at("/components/schemas/Sample/properties"))).doesNotContain("password", "apiToken");
    String list = doc.at("/paths/~1samples/get").toString();
    assertThat(list).doesNotContain("apiToken", "password");
    assertThat(doc.at("/components/schemas/SamplePage").toString()).doesNotContain("apiToken", "password");
  }

  @Test
  void decimalsAreStringsWhosePatternAllowsAMinusOnlyWhenNegativeValuesAre() {
    JsonNode props = document(PlanFixtures.everything("oidc", "url"), "lab")
        .at("/components/schemas/Sample/properties");
    assertThat(props.at("/amount/pattern").asText()).isEqualTo("^-?\\d{1,2}(\\.\\d{1,3})?$");
    assertThat(props.at("/ratio/pattern").asText()).isEqualTo("^0(\\.\\d{1,4})?$");
    assertThat(props.at("/whole/pattern").asText()).isEqualTo("^-?\\d{1,6}$");
    JsonNode price = document(PlanFixtures.ecommerce(), "catalog").at("/components/schemas/Product/properties/price");
    assertThat(price.get("pattern").asText()).isEqualTo("^\\d{1,10}(\\.\\d{1,2})?$");
    assertThat(price.get("format").asText()).isEqualTo("decimal");
    assertThat(Pattern.compile(price.get("pattern").asText()).matcher("-1.00").find()).isFalse();
  }

  @Test
  void filtersAreTheUniqueIndexedAndEnumFieldsAndTheReferences() {
    JsonNode list = document(PlanFixtures.everything("oidc", "url"), "lab").at("/paths/~1samples/get/parameters");
    List<String> filters = new ArrayList<>();
    list.forEach(p -> {
      if (p.has("name") && !p.get("name").asText().equals("sort")) {
        filters.add(p.get("name").asText());
      }
    });
    assertThat(filters).containsExactly("code", "title", "count", "day", "ref", "contact", "level", "ownerId",
        "twinId");
    list.forEach(p -> assertThat(p.path("schema").has("default")).as(p.toString())
        .isEqualTo(p.path("name").asText().equals("sort")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyPropertyHasAnExampleValidAgainstItsOwnSchema(PlanFixtures.Named fixture) {
    OpenApiDocs.documents(fixture.plan()).forEach((service, doc) -> {
      doc.at("/components/schemas").properties().forEach(schema ->
          schema.getValue().path("properties").properties().forEach(p -> assertThat(
              p.getValue().has("example")).as(service + " " + schema.getKey() + "." + p.getKey()).isTrue()));
      Map<String, JsonNode> withExamples = OpenApiDocs.schemasWithExamples(doc);
      assertThat(withExamples.isEmpty()).as(service).isEqualTo(doc.get("paths").isEmpty());
      assertThat(OpenApiDocs.invalidExamples(doc)).as(service).isEmpty();
    });
  }

  @Test
  void theExampleCheckRejectsABadExample() {
    JsonNode doc = OpenApiDocs.tree("""
        components:
          schemas:
            Id:
              type: string
              format: uuid
              maxLength: 5
              example: not-a-uuid
            Decimal:
              type: string
              pattern: '^\\d{1,2}$'
              nullable: true
              default: null
              example: '123'
        """);
    assertThat(OpenApiDocs.invalidExamples(doc))
        .anySatisfy(m -> assertThat(m).startsWith("/components/schemas/Id example").contains("uuid"))
        .anySatisfy(m -> assertThat(m).startsWith("/components/schemas/Id example").contains("5"))
        .anySatisfy(m -> assertThat(m).startsWith("/components/schemas/Decimal example").contains("pattern"))
        .noneSatisfy(m -> assertThat(m).contains("default"));
  }

  @Test
  void referencesShowTheSameIdAsTheEntitiesTheyReferTo() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    assertThat(doc.at("/components/schemas/Product/properties/categoryId/example"))
        .isEqualTo(doc.at("/components/schemas/Category/properties/id/example"));
    JsonNode orders = document(PlanFixtures.ecommerce(), "orders");
    assertThat(orders.at("/components/schemas/OrderLine/properties/productId/example"))
        .isEqualTo(doc.at("/components/schemas/Product/properties/id/example"));
  }

  @Test
  void idParametersFollowTheNamingRule() {
    Plan plan = PlanFixtures.everything("oidc", "url");
    JsonNode doc = document(plan, "lab");
    for (Entity e : plan.requirements().ownedBy(plan.requirements().service("lab").orElseThrow())) {
      String item = "/" + Naming.resourcePath(e.name()) + "/{" + Naming.idName(e.name()) + "}";
      JsonNode param = doc.at("/paths/" + item.replace("/", "~1") + "/parameters/0");
      assertThat(param.get("name").asText()).as(item).isEqualTo(Naming.idName(e.name()));
      assertThat(param.at("/schema/type").asText()).as(item)
          .isEqualTo(e.id() == IdType.LONG ? "integer" : "string");
    }
    assertThat(names(doc.get("paths"))).contains("/persons", "/addresses", "/samples");
  }

  @Test
  void oneToManyAddsNothingAndManyToManyIsRequiredInResponses() {
    Entity sample = PlanFixtures.everything("oidc", "url").requirements().entity("Sample").orElseThrow();
    assertThat(sample.relations()).extracting(Relation::kind).containsExactlyInAnyOrder(RelationKind.values());
    JsonNode doc = document(PlanFixtures.everything("oidc", "url"), "lab");
    assertThat(textList(doc.at("/components/schemas/Sample/required"))).contains("ownerId", "tagIds")
        .doesNotContain("twinId");
  }

  private static List<String> textList(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static String expectedType(FieldType type) {
    return switch (type) {
      case INTEGER, LONG -> "integer";
      case BOOLEAN -> "boolean";
      case JSON -> "object";
      default -> "string";
    };
  }

  private static String expectedFormat(FieldType type) {
    return switch (type) {
      case INTEGER -> "int32";
      case LONG -> "int64";
      case DECIMAL -> "decimal";
      case DATE -> "date";
      case DATETIME -> "date-time";
      case UUID -> "uuid";
      case EMAIL -> "email";
      case URL -> "uri";
      case BYTES -> "byte";
      default -> null;
    };
  }

  private static Integer expectedMaxLength(Field f) {
    return switch (f.type()) {
      case STRING -> f.maxLength() != null ? f.maxLength() : PlanFixtures.DEFAULTS.stringMaxLength();
      case TEXT -> f.maxLength() != null ? f.maxLength() : PlanFixtures.DEFAULTS.textMaxLength();
      case EMAIL -> f.maxLength() != null ? f.maxLength() : 254;
      case URL -> f.maxLength() != null ? f.maxLength() : 2048;
      case UUID -> 36;
      case DATE -> 10;
      case DATETIME -> 35;
      case BYTES -> 4 * (((f.maxLength() != null ? f.maxLength() : 1_048_576) + 2) / 3);
      case DECIMAL -> Limits.decimalLength(FieldSchemas.precision(f), FieldSchemas.scale(f),
          FieldSchemas.negativeAllowed(f));
      default -> f.maxLength();
    };
  }
}
