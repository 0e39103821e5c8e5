package dev.archforge.deliverable.openapi;

import dev.archforge.facts.Facts;
import static dev.archforge.deliverable.openapi.OpenApiDocs.document;
import static dev.archforge.deliverable.openapi.OpenApiDocs.names;
import static dev.archforge.deliverable.openapi.OpenApiDocs.operations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.deliverable.openapi.OpenApiValidator;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.validate.Finding;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenApiDeliverableTest {
  private static final OpenApiValidator VALIDATOR = new OpenApiValidator();

  static Stream<PlanFixtures.Named> fixtures() {
    return PlanFixtures.all().stream();
  }

  @Test
  void isTheOpenapiDeliverableForPlansWithARestService() {
    OpenApiDeliverable deliverable = new OpenApiDeliverable();
    assertThat(deliverable.id()).isEqualTo("openapi");
    assertThat(deliverable.supports(Facts.of(PlanFixtures.ecommerce()))).isTrue();
    Plan grpcOnly = PlanFixtures.plan(new dev.archforge.model.Requirements(1, PlanFixtures.project(),
        PlanFixtures.ecommerce().requirements().scale(), List.of(), PlanFixtures.ecommerce().requirements().security(),
        PlanFixtures.ecommerce().requirements().services().stream()
            .filter(s -> s.name().equals("inventory")).toList(),
        PlanFixtures.ecommerce().requirements().entities(), List.of(), Map.of(), Map.of(), Map.of(), "standard"), "oidc", "url");
    assertThat(deliverable.supports(Facts.of(grpcOnly))).isFalse();
  }

  @Test
  void rendersOneDocumentPerRestService() {
    List<Artifact> artifacts = OpenApiDocs.artifacts(PlanFixtures.ecommerce());
    assertThat(artifacts).extracting(Artifact::path)
        .containsExactly("api/catalog/openapi.yaml", "api/orders/openapi.yaml");
    assertThat(artifacts).allSatisfy(a -> assertThat(a.kind()).isEqualTo(OpenApiDeliverable.KIND));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyDocumentHasNoParserMessageAndMatchesTheOpenApiSchema(PlanFixtures.Named fixture) {
    for (Artifact a : OpenApiDocs.artifacts(fixture.plan())) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(a.content(), null, options);
      assertThat(parsed.getMessages()).as(a.path()).isEmpty();
      assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
      List<Finding> findings = VALIDATOR.validate(a);
      assertThat(findings).as(a.path()).isEmpty();
    }
  }

  @Test
  void renderingTheSamePlanTwiceGivesTheSameBytes() {
    assertThat(OpenApiDocs.artifacts(PlanFixtures.everything("oidc", "url")))
        .isEqualTo(OpenApiDocs.artifacts(PlanFixtures.everything("oidc", "url")));
  }

  @Test
  void infoNamesTheServiceAndExplainsAuthAndDeprecation() {
    JsonNode info = document(PlanFixtures.ecommerce(), "catalog").get("info");
    assertThat(info.get("title").asText()).isEqualTo("Acme Shop catalog API");
    assertThat(info.get("version").asText()).isEqualTo("1.0.0");
    assertThat(info.get("description").asText()).startsWith("Browse products and categories.")
        .contains("OpenID Connect", "Deprecation", "Sunset", "six months");
    assertThat(info.at("/contact/name").asText()).isEqualTo("Acme Shop API team");
    assertThat(info.at("/license/name").asText()).isNotBlank();
  }

  @Test
  void urlVersioningPutsTheMajorVersionInTheServerUrl() {
    JsonNode doc = document(PlanFixtures.ecommerce("jwt", "url"), "orders");
    assertThat(doc.at("/servers/0/url").asText()).isEqualTo("https://api.example.com/orders/v1");
    assertThat(doc.at("/components/parameters/ApiVersion").isMissingNode()).isTrue();
  }

  @Test
  void headerVersioningRequiresApiVersionOnEveryOperation() {
    JsonNode doc = document(PlanFixtures.ecommerce("jwt", "header"), "orders");
    assertThat(doc.at("/servers/0/url").asText()).isEqualTo("https://api.example.com/orders");
    JsonNode param = doc.at("/components/parameters/ApiVersion");
    assertThat(param.get("name").asText()).isEqualTo("Api-Version");
    assertThat(param.get("in").asText()).isEqualTo("header");
    assertThat(param.get("required").asBoolean()).isTrue();
    assertThat(param.at("/schema/enum").toString()).isEqualTo("[\"1\"]");
    operations(doc).forEach((label, op) -> assertThat(op.get("parameters").toString()).as(label)
        .contains("#/components/parameters/ApiVersion"));
  }

  @Test
  void everyOperationHasIdSummaryDescriptionTagAndSecurity() {
    for (PlanFixtures.Named fixture : PlanFixtures.all()) {
      OpenApiDocs.documents(fixture.plan()).forEach((service, doc) -> operations(doc).forEach((label, op) -> {
        String where = fixture + " " + service + " " + label;
        assertThat(op.get("operationId").asText()).as(where).matches("(list|get|create|update|delete)[A-Z]\\w+");
        assertThat(op.get("summary").asText()).as(where).isNotBlank();
        assertThat(op.get("description").asText()).as(where).contains("Allowed");
        assertThat(op.get("tags")).as(where).hasSize(1);
        assertThat(op.has("security")).as(where).isTrue();
      }));
    }
  }

  @Test
  void operationIdsFollowTheNamingRule() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "orders");
    assertThat(doc.at("/paths/~1order-lines/get/operationId").asText()).isEqualTo("listOrderLines");
    assertThat(doc.at("/paths/~1order-lines~1{orderLineId}/patch/operationId").asText()).isEqualTo("updateOrderLine");
    assertThat(names(doc.get("paths"))).containsExactly("/orders", "/orders/{orderId}", "/order-lines",
        "/order-lines/{orderLineId}", "/customers", "/customers/{customerId}");
  }

  @Test
  void oidcDeclaresOpenIdConnectAndResourceScopes() {
    JsonNode doc = document(PlanFixtures.ecommerce("oidc", "url"), "orders");
    JsonNode scheme = doc.at("/components/securitySchemes/oidc");
    assertThat(scheme.get("type").asText()).isEqualTo("openIdConnect");
    assertThat(scheme.get("openIdConnectUrl").asText()).isEqualTo(PlanFixtures.DEFAULTS.oidcDiscoveryUrl());
    assertThat(doc.at("/paths/~1order-lines/get/security").toString())
        .isEqualTo("[{\"oidc\":[\"order-lines:read\"]}]");
    assertThat(doc.at("/paths/~1order-lines/post/security").toString())
        .isEqualTo("[{\"oidc\":[\"order-lines:write\"]}]");
  }

  @Test
  void jwtIsAnHttpBearerScheme() {
    JsonNode doc = document(PlanFixtures.ecommerce("jwt", "url"), "orders");
    assertThat(doc.at("/components/securitySchemes/bearerAuth").toString())
        .contains("\"type\":\"http\"", "\"scheme\":\"bearer\"", "\"bearerFormat\":\"JWT\"");
    assertThat(doc.at("/paths/~1orders/get/security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
  }

  @Test
  void apiKeyIsTheXApiKeyHeader() {
    JsonNode doc = document(PlanFixtures.ecommerce("api-key", "url"), "orders");
    assertThat(doc.at("/components/securitySchemes/apiKey").toString())
        .contains("\"type\":\"apiKey\"", "\"in\":\"header\"", "\"name\":\"X-API-Key\"");
    assertThat(doc.at("/paths/~1orders/delete").isMissingNode()).isTrue();
    assertThat(doc.at("/paths/~1orders~1{orderId}/delete/security").toString()).isEqualTo("[{\"apiKey\":[]}]");
  }

  @Test
  void mtlsIsDocumentedAndWarnedAboutSinceOpenApi30CannotDeclareIt() {
    Plan plan = PlanFixtures.ecommerce("mtls", "url");
    JsonNode doc = document(plan, "orders");
    assertThat(doc.at("/components/securitySchemes").isMissingNode()).isTrue();
    assertThat(doc.at("/info/description").asText()).contains("mutual TLS", "client certificate");
    operations(doc).forEach((label, op) -> {
      assertThat(op.get("security").toString()).as(label).isEqualTo("[]");
      assertThat(op.get("description").asText()).as(label).contains("mutual TLS");
      assertThat(op.get("responses").has("401")).as(label).isFalse();
      assertThat(op.get("responses").has("403")).as(label).isTrue();
    });
    assertThat(new OpenApiDeliverable().warnings(Facts.of(plan))).anySatisfy(w -> assertThat(w).contains("mutual TLS",
        "orders"));
  }

  @Test
  void noneHasNoSchemeAndNoAuthErrors() {
    JsonNode doc = document(PlanFixtures.ecommerce("none", "url"), "catalog");
    assertThat(doc.at("/components/securitySchemes").isMissingNode()).isTrue();
    assertThat(doc.at("/components/responses/Unauthorized").isMissingNode()).isTrue();
    assertThat(doc.at("/components/responses/Forbidden").isMissingNode()).isTrue();
    operations(doc).forEach((label, op) -> assertThat(op.get("security").toString()).as(label).isEqualTo("[]"));
    assertThat(new OpenApiDeliverable().warnings(Facts.of(PlanFixtures.ecommerce("none", "url")))).isEmpty();
  }

  @Test
  void anonymousReadMakesCredentialsOptionalForReadsOnly() {
    JsonNode doc = document(PlanFixtures.ecommerce("oidc", "url"), "catalog");
    assertThat(doc.at("/paths/~1products/get/security").toString())
        .isEqualTo("[{},{\"oidc\":[\"products:read\"]}]");
    assertThat(doc.at("/paths/~1products~1{productId}/get/security").toString())
        .isEqualTo("[{},{\"oidc\":[\"products:read\"]}]");
    for (String write : List.of("/paths/~1products/post", "/paths/~1products~1{productId}/patch",
        "/paths/~1products~1{productId}/delete")) {
      assertThat(doc.at(write + "/security").toString()).as(write).isEqualTo("[{\"oidc\":[\"products:write\"]}]");
    }
    assertThat(doc.at("/paths/~1categories/get/security").toString()).doesNotContain("{}");
  }

  @Test
  void anonymousWriteAccessIsNotGrantedAndIsWarnedAbout() {
    Plan plan = PlanFixtures.everything("jwt", "url");
    JsonNode doc = document(plan, "lab");
    assertThat(doc.at("/paths/~1tags/get/security").toString()).isEqualTo("[{},{\"bearerAuth\":[]}]");
    assertThat(doc.at("/paths/~1tags/post/security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
    assertThat(doc.at("/paths/~1tags/get/description").asText()).contains("anyone, with or without credentials");
    assertThat(new OpenApiDeliverable().warnings(Facts.of(plan))).anySatisfy(w -> assertThat(w).contains("Tag", "anonymous"));
  }

  @Test
  void allowedRolesComeFromAccessOrElseFromThePrivilegedRoleAlone() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    assertThat(doc.at("/paths/~1products/get/description").asText())
        .contains("**Allowed roles:** customer, staff; callers without credentials may read too.");
    assertThat(doc.at("/paths/~1products/post/description").asText()).contains("**Allowed roles:** staff, admin.");
    assertThat(doc.at("/paths/~1categories/post/description").asText())
        .contains("**Allowed roles:** admin. **Scope:** `categories:write`.");
    assertThat(doc.at("/paths/~1categories/get/description").asText())
        .contains("**Allowed roles:** admin. **Scope:** `categories:read`.");
    assertThat(doc.at("/paths/~1categories/get/security").toString()).isEqualTo("[{\"oidc\":[\"categories:read\"]}]");
  }

  @Test
  void listsArePagedByCursorSortedAndFiltered() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    JsonNode limit = doc.at("/components/parameters/Limit/schema");
    assertThat(limit.toString()).contains("\"type\":\"integer\"", "\"minimum\":1", "\"maximum\":100", "\"default\":20");
    assertThat(doc.at("/components/parameters/Cursor/schema/maxLength").asInt()).isEqualTo(512);
    JsonNode list = doc.at("/paths/~1products/get");
    List<String> params = new ArrayList<>();
    list.get("parameters").forEach(p -> params.add(p.has("$ref") ? p.get("$ref").asText() : p.get("name").asText()));
    assertThat(params).containsExactly("#/components/parameters/Limit", "#/components/parameters/Cursor", "sort",
        "sku", "status", "categoryId");
    JsonNode sort = list.at("/parameters/2/schema");
    assertThat(sort.get("enum").toString()).contains("\"sku:asc\"", "\"sku:desc\"", "\"createdAt:desc\"");
    assertThat(sort.get("enum").toString()).doesNotContain("name:", "price:", "description:");
    assertThat(sort.get("default").asText()).isEqualTo("createdAt:desc");
    JsonNode page = doc.at("/components/schemas/ProductPage");
    assertThat(page.at("/properties/items/maxItems").asInt()).isEqualTo(100);
    assertThat(page.at("/properties/nextCursor/nullable").asBoolean()).isTrue();
  }

  @Test
  void createAnswers201WithLocationAndNeedsAnIdempotencyKey() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    JsonNode create = doc.at("/paths/~1products/post");
    assertThat(create.at("/responses/201/headers/Location/$ref").asText()).isEqualTo("#/components/headers/Location");
    assertThat(create.get("parameters").toString()).contains("#/components/parameters/IdempotencyKey");
    JsonNode key = doc.at("/components/parameters/IdempotencyKey");
    assertThat(key.get("name").asText()).isEqualTo("Idempotency-Key");
    assertThat(key.get("required").asBoolean()).isTrue();
    assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(255);
    assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ProductCreate");
  }

  @Test
  void updateIsAMergePatchAndDeleteAnswers204() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    JsonNode item = doc.at("/paths/~1products~1{productId}");
    assertThat(item.at("/patch/requestBody/content/application~1merge-patch+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ProductPatch");
    assertThat(doc.at("/components/schemas/ProductPatch/required").isMissingNode()).isTrue();
    assertThat(item.at("/delete/responses/204/content").isMissingNode()).isTrue();
    assertThat(item.at("/parameters/0/name").asText()).isEqualTo("productId");
  }

  @Test
  void errorsAreProblemDetailsAndEachOperationListsThoseThatApply() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "catalog");
    assertThat(names(doc.at("/components/responses"))).containsExactly("BadRequest", "Unauthorized", "Forbidden",
        "NotFound", "Conflict", "PreconditionFailed", "UnprocessableContent", "PreconditionRequired",
        "TooManyRequests", "InternalServerError");
    doc.at("/components/responses").forEach(r -> assertThat(names(r.get("content")))
        .containsExactly("application/problem+json"));
    assertThat(names(doc.at("/paths/~1products/get/responses")))
        .containsExactly("200", "400", "401", "403", "429", "500");
    assertThat(names(doc.at("/paths/~1products/post/responses")))
        .containsExactly("201", "400", "401", "403", "409", "422", "429", "500");
    assertThat(names(doc.at("/paths/~1products~1{productId}/delete/responses")))
        .containsExactly("204", "400", "401", "403", "404", "429", "500");
    assertThat(names(doc.at("/paths/~1categories~1{categoryId}/delete/responses"))).contains("409");
    assertThat(names(doc.at("/components/schemas/Problem/properties")))
        .containsExactly("type", "title", "status", "detail", "instance", "errors");
    assertThat(names(doc.at("/components/schemas/ProblemError/properties"))).containsExactly("pointer", "detail");
  }

  @Test
  void everyResponseCarriesRateLimitHeadersAndTooManyRequestsRetryAfter() {
    JsonNode doc = document(PlanFixtures.ecommerce(), "orders");
    operations(doc).forEach((label, op) -> op.get("responses").properties().forEach(r -> {
      if (r.getKey().startsWith("2")) {
        assertThat(names(r.getValue().get("headers"))).as(label)
            .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
      }
    }));
    doc.at("/components/responses").properties().forEach(r -> assertThat(names(r.getValue().get("headers")))
        .as(r.getKey()).contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
    assertThat(names(doc.at("/components/responses/TooManyRequests/headers")))
        .containsExactly("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
            "Access-Control-Allow-Origin");
    assertThat(doc.at("/components/responses/BadRequest/headers").has("Retry-After")).isFalse();
    assertThat(doc.at("/components/headers/RateLimit-Limit/schema/example").asInt()).isEqualTo(600);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyComponentIsUsed(PlanFixtures.Named fixture) {
    for (Artifact a : OpenApiDocs.artifacts(fixture.plan())) {
      JsonNode doc = OpenApiDocs.tree(a.content());
      Matcher refs = Pattern.compile("#/components/(\\w+)/([\\w.-]+)").matcher(a.content());
      List<String> used = new ArrayList<>();
      while (refs.find()) {
        used.add(refs.group(1) + "/" + refs.group(2));
      }
      doc.path("components").properties().forEach(kind -> {
        if (!kind.getKey().equals("securitySchemes")) {
          for (String name : names(kind.getValue())) {
            assertThat(used).as(a.path() + " " + kind.getKey() + "/" + name).contains(kind.getKey() + "/" + name);
          }
        }
      });
    }
  }

  @Test
  void aServiceWithoutEntitiesGetsAnEmptyButValidDocumentAndAWarning() {
    Plan plan = PlanFixtures.empty();
    JsonNode doc = document(plan, "status");
    assertThat(doc.get("paths").isEmpty()).isTrue();
    assertThat(doc.at("/info/description").asText()).startsWith("The status service of Acme Shop.");
    assertThat(new OpenApiDeliverable().warnings(Facts.of(plan))).anySatisfy(w -> assertThat(w).contains("owns no entities"));
  }

  @Test
  void hostileTextArrivesUnchanged() {
    Plan plan = PlanFixtures.hostile();
    JsonNode doc = document(plan, "notes");
    assertThat(doc.at("/info/title").asText()).isEqualTo("Acme \"Notes\": #1 notes API");
    assertThat(doc.at("/info/description").asText()).startsWith("Notes: \"all\" of them # really\n- not a list.");
    assertThat(doc.at("/tags/0/description").asText())
        .isEqualTo("A note: with \"quotes\" # and\nnew lines & {{ braces }}.");
    JsonNode label = doc.at("/components/schemas/Note/properties/label");
    assertThat(label.get("description").asText())
        .isEqualTo("Say \"hi\": # not a comment\nsecond line {{ x }} ${y} 'q' \\ end.");
    JsonNode mood = doc.at("/components/schemas/Note/properties/mood");
    assertThat(mood.get("enum").toString())
        .isEqualTo("[\"a: b\",\"# c\",\"\\\"quoted\\\"\",\"yes\",\"1.5\",\"null\",\"é ✓\"]");
    assertThat(mood.get("default").isTextual()).isTrue();
    assertThat(mood.get("default").asText()).isEqualTo("yes");
  }

  @Test
  void aFieldWithoutAPossibleExampleIsWarnedAbout() {
    Plan plan = PlanFixtures.plan(PlanFixtures.requirements(PlanFixtures.project(), List.of(
        new dev.archforge.model.Service("codes", null, dev.archforge.model.Language.JAVA,
            dev.archforge.model.Api.REST, dev.archforge.model.Exposure.INTERNAL, List.of("Code"), List.of(),
            List.of(), List.of(), Map.of())), List.of(new dev.archforge.model.Entity("Code", null,
        dev.archforge.model.IdType.UUID, false, false, List.of(PlanFixtures.field("value",
            dev.archforge.model.FieldType.STRING).pattern("^(a)\\1$").build()), List.of())), "jwt", List.of("admin")),
        "jwt", "url");
    assertThat(new OpenApiDeliverable().warnings(Facts.of(plan))).singleElement()
        .satisfies(w -> assertThat(w).contains("Code", "value", "no example"));
    assertThat(OpenApiDocs.artifacts(plan)).allSatisfy(a -> assertThat(VALIDATOR.validate(a)).isEmpty());
  }

  @Test
  void theSpecExampleHasNoWarnings() {
    assertThat(new OpenApiDeliverable().warnings(Facts.of(PlanFixtures.ecommerce()))).isEmpty();
  }
}
