package dev.archforge.deliverable.openapi;

import static dev.archforge.deliverable.openapi.OpenApiDocs.document;
import static dev.archforge.deliverable.openapi.OpenApiDocs.names;
import static dev.archforge.deliverable.openapi.OpenApiDocs.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Naming;
import dev.archforge.model.Api;
import dev.archforge.model.Entity;
import dev.archforge.model.Exposure;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP conventions of the documents, checked on every sample: conditional updates of
 * versioned resources, CORS and the audience of public services, the version where the
 * api-versioning decision puts it.
 */
class OpenApiHttpTest {
  static Stream<PlanFixtures.Named> samples() {
    return SamplePlans.all().stream();
  }

  /** A resource is versioned when it has audit timestamps: reads return ETag, updates need If-Match. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void versionedResourcesHaveETagsAndConditionalUpdates(PlanFixtures.Named sample) {
    Plan plan = sample.plan();
    OpenApiDocs.documents(plan).forEach((name, doc) -> {
      Service service = plan.requirements().service(name).orElseThrow();
      for (Entity e : plan.requirements().ownedBy(service)) {
        String item = "/paths/" + ("/" + Naming.resourcePath(e.name()) + "/{" + Naming.idName(e.name()) + "}")
            .replace("/", "~1");
        String collection = "/paths/~1" + Naming.resourcePath(e.name());
        JsonNode patch = doc.at(item + "/patch");
        String where = sample + " " + e.name();
        boolean versioned = e.audit();
        assertThat(doc.at(item + "/get/responses/200/headers").has("ETag")).as(where + " get").isEqualTo(versioned);
        assertThat(doc.at(collection + "/post/responses/201/headers").has("ETag")).as(where + " create")
            .isEqualTo(versioned);
        assertThat(patch.at("/responses/200/headers").has("ETag")).as(where + " update").isEqualTo(versioned);
        assertThat(patch.path("parameters").toString().contains("#/components/parameters/IfMatch")).as(where)
            .isEqualTo(versioned);
        assertThat(names(patch.get("responses")).containsAll(List.of("412", "428"))).as(where).isEqualTo(versioned);
        assertThat(patch.get("description").asText().contains("If-Match")).as(where).isEqualTo(versioned);
        assertThat(doc.at(item + "/delete/parameters").isMissingNode()).as(where + " delete").isTrue();
      }
    });
  }

  @Test
  void ifMatchIsARequiredStrongEntityTag() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    JsonNode ifMatch = doc.at("/components/parameters/IfMatch");
    assertThat(ifMatch.get("name").asText()).isEqualTo("If-Match");
    assertThat(ifMatch.get("in").asText()).isEqualTo("header");
    assertThat(ifMatch.get("required").asBoolean()).isTrue();
    Pattern tag = Pattern.compile(ifMatch.at("/schema/pattern").asText());
    assertThat(tag.matcher(ifMatch.at("/schema/example").asText()).find()).isTrue();
    assertThat(tag.matcher("W/\"abc\"").find()).as("weak tags do not match").isFalse();
    assertThat(tag.matcher("*").find()).as("any version is no version").isFalse();
    assertThat(doc.at("/components/headers/ETag/schema")).isEqualTo(ifMatch.get("schema"));
    assertThat(doc.at("/components/responses/PreconditionFailed/content/application~1problem+json/example/status")
        .asInt()).isEqualTo(412);
    assertThat(doc.at("/components/responses/PreconditionRequired/content/application~1problem+json/example/status")
        .asInt()).isEqualTo(428);
    assertThat(doc.at("/info/description").asText()).contains("## Concurrent updates",
        "Product and Category are versioned");
  }

  @Test
  void withoutVersionedResourcesThereIsNoConditionalMachinery() {
    JsonNode doc = document(PlanFixtures.everything("oidc", "url"), "lab");
    assertThat(doc.at("/paths/~1persons~1{personId}/get/responses/200/headers").has("ETag")).isFalse();
    assertThat(doc.at("/paths/~1samples~1{sampleId}/get/responses/200/headers").has("ETag")).isTrue();
    Service people = new Service("people", null, Language.JAVA, Api.REST, Exposure.INTERNAL, List.of("Person"),
        List.of(), List.of(), List.of(), Map.of());
    List<Entity> person = PlanFixtures.everythingRequirements("oidc").entities().stream()
        .filter(e -> e.name().equals("Person")).toList();
    assertThat(person).singleElement().satisfies(e -> assertThat(e.audit()).isFalse());
    Plan plan = PlanFixtures.plan(PlanFixtures.requirements(PlanFixtures.project(), List.of(people), person, "oidc",
        List.of("viewer")), "oidc", "url");
    JsonNode persons = document(plan, "people");
    assertThat(persons.at("/components/parameters/IfMatch").isMissingNode()).isTrue();
    assertThat(persons.at("/components/headers/ETag").isMissingNode()).isTrue();
    assertThat(persons.at("/components/responses/PreconditionFailed").isMissingNode()).isTrue();
    assertThat(persons.at("/info/description").asText()).doesNotContain("Concurrent updates");
  }

  /** x-internal follows the service's exposure; public APIs declare CORS on every response. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void publicServicesDeclareCorsAndEveryServerItsAudienceAndEnvironment(PlanFixtures.Named sample) {
    Plan plan = sample.plan();
    OpenApiDocs.documents(plan).forEach((name, doc) -> {
      boolean pub = plan.requirements().service(name).orElseThrow().exposure() == Exposure.PUBLIC;
      JsonNode server = doc.at("/servers/0");
      assertThat(server.get("x-internal").isBoolean()).as(name).isTrue();
      assertThat(server.get("x-internal").asBoolean()).as(name).isEqualTo(!pub);
      assertThat(server.get("description").asText()).as(name)
          .startsWith("Production, " + (pub ? "public" : "internal"));
      operations(doc).forEach((label, op) -> op.get("responses").properties().forEach(r -> {
        JsonNode response = OpenApiDocs.resolve(doc, r.getValue());
        assertThat(response.path("headers").has("Access-Control-Allow-Origin")).as(name + " " + label + " "
            + r.getKey()).isEqualTo(pub);
        assertThat(names(response.path("headers"))).as(name + " " + label + " " + r.getKey())
            .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
      }));
      assertThat(doc.at("/info/description").asText().contains("## Browsers (CORS)")).as(name).isEqualTo(pub);
    });
  }

  @Test
  void theAllowedOriginIsAnHttpsOriginNeverAWildcard() {
    JsonNode schema = document(PlanFixtures.ecommerce(), "catalog")
        .at("/components/headers/Access-Control-Allow-Origin/schema");
    Pattern origin = Pattern.compile(schema.get("pattern").asText());
    assertThat(origin.matcher(schema.get("example").asText()).find()).isTrue();
    assertThat(origin.matcher("https://shop.example.com:8443").find()).isTrue();
    assertThat(origin.matcher("*").find()).isFalse();
    assertThat(origin.matcher("http://shop.example.com").find()).isFalse();
  }

  /** The api-versioning decision decides where the version goes; both write the deprecation policy. */
  @Test
  void versioningFollowsTheDecisionAndTheDeprecationPolicyIsWritten() {
    for (String versioning : PlanFixtures.VERSIONINGS) {
      Map<String, JsonNode> docs = OpenApiDocs.documents(PlanFixtures.ecommerce("oidc", versioning));
      docs.forEach((name, doc) -> {
        String url = doc.at("/servers/0/url").asText();
        assertThat(url.endsWith("/v1")).as(versioning + " " + name).isEqualTo(versioning.equals("url"));
        operations(doc).forEach((label, op) -> assertThat(op.path("parameters").toString()
            .contains("#/components/parameters/ApiVersion")).as(versioning + " " + label)
            .isEqualTo(versioning.equals("header")));
        assertThat(doc.at("/info/description").asText()).contains("## Versioning and deprecation", "`Deprecation`",
            "`Sunset`", "six months", versioning.equals("url") ? "`/v1`" : "`Api-Version`");
      });
    }
    for (PlanFixtures.Named sample : SamplePlans.all()) {
      String choice = sample.plan().decision("api-versioning").orElseThrow().choice();
      OpenApiDocs.documents(sample.plan()).forEach((name, doc) -> assertThat(doc.at("/servers/0/url").asText()
          .endsWith("/v1")).as(sample + " " + name).isEqualTo(choice.equals("url")));
    }
  }
}
