package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Facts;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.artifacts;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.catalog;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.field;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.registry;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.schema;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.type;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.graphql.GraphqlValidator;
import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GraphqlDeliverableTest {
  private static final GraphqlValidator VALIDATOR = new GraphqlValidator();

  static Stream<ApiPlans.Named> plans() {
    List<ApiPlans.Named> plans = new ArrayList<>(ApiPlans.everySample("graphql"));
    PlanFixtures.all().forEach(f -> plans.add(new ApiPlans.Named("fixture " + f.name(),
        ApiPlans.withApi(f.plan(), Api.GRAPHQL))));
    return plans.stream();
  }

  @Test
  void isTheGraphqlDeliverableForPlansWithAGraphqlService() {
    GraphqlDeliverable deliverable = new GraphqlDeliverable();
    assertThat(deliverable.id()).isEqualTo("graphql");
    assertThat(deliverable.supports(Facts.of(ApiPlans.plan("saas-projects")))).isTrue();
    assertThat(deliverable.supports(Facts.of(ApiPlans.plan("ecommerce")))).isFalse();
  }

  @Test
  void rendersOneSchemaPerGraphqlService() {
    List<Artifact> artifacts = artifacts(ApiPlans.plan("saas-projects"));
    assertThat(artifacts).extracting(Artifact::path).containsExactly("api/workspace-graph/schema.graphql");
    assertThat(artifacts).allSatisfy(a -> assertThat(a.kind()).isEqualTo(GraphqlDeliverable.KIND));
    assertThat(artifacts(ApiPlans.allServices("ecommerce", "graphql"))).extracting(Artifact::path).containsExactly(
        "api/catalog/schema.graphql", "api/orders/schema.graphql", "api/inventory/schema.graphql");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everySchemaIsValidAndExecutable(ApiPlans.Named named) {
    for (Artifact a : artifacts(named.plan())) {
      assertThat(VALIDATOR.validate(a)).as(a.path()).isEmpty();
      assertThat(a.content().lines()).as(a.path() + ": no trailing white space").noneMatch(l -> l.endsWith(" "));
      Map<String, Object> data = GraphqlSchemas.introspect(a.content());
      assertThat(data).containsKey("__schema");
    }
  }

  @Test
  void introspectionShowsTheRootTypesAndConnections() {
    Map<String, Object> data = GraphqlSchemas.introspect(schema(catalog(), "catalog"));
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = (Map<String, Object>) data.get("__schema");
    assertThat(schema.get("queryType")).isEqualTo(Map.of("name", "Query"));
    assertThat(schema.get("mutationType")).isEqualTo(Map.of("name", "Mutation"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> types = (List<Map<String, Object>>) schema.get("types");
    assertThat(types).extracting(t -> t.get("name")).contains("Product", "ProductConnection", "ProductEdge",
        "PageInfo", "ProductFilter", "ProductOrder", "CreateProductInput", "UpdateProductPayload", "UserError",
        "ValidationError", "DateTime", "Decimal");
  }

  @Test
  void entitiesNobodyMayWriteHaveNoMutations() {
    Plan plan = ApiPlans.allServices("fintech-ledger", "graphql");
    TypeDefinitionRegistry r = registry(schema(plan, "ledger"));
    assertThat(((ObjectTypeDefinition) type(r, "Mutation")).getFieldDefinitions()).extracting(FieldDefinition::getName)
        .containsExactly("createLedgerAccount", "updateLedgerAccount", "deleteLedgerAccount");
    assertThat(r.hasType("CreateJournalInput")).isFalse();
    assertThat(new GraphqlDeliverable().warnings(Facts.of(plan)))
        .contains("graphql: service 'ledger': no role may write Journal, so the schema has no mutations for it.");
  }

  @Test
  void descriptionsKeepAnyTextInside() {
    String text = "Ends with \"\"\" and \\\"\"\" and a backslash \\\nand a second line with a tab\there";
    Plan plan = ApiPlans.decide("hostile.yaml", """
        archforge: 1
        project: { name: odd }
        services:
          notes: { api: graphql, entities: [Note] }
        entities:
          Note:
            description: "%s"
            fields:
              body: { type: string, description: "Say \\"hi\\" \\"\\"\\" # {{ x }} ${y}" }
        """.formatted(text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")));
    Artifact artifact = artifacts(plan).get(0);
    assertThat(VALIDATOR.validate(artifact)).isEmpty();
    TypeDefinitionRegistry r = registry(artifact.content());
    assertThat(((ObjectTypeDefinition) type(r, "Note")).getDescription().getContent()).isEqualTo(text + ".");
    assertThat(field(r, "Note", "body").getDescription().getContent()).startsWith("Say \"hi\" \"\"\" # {{ x }} ${y}.");
    Artifact hostile = artifacts(ApiPlans.withApi(PlanFixtures.hostile(), Api.GRAPHQL)).get(0);
    assertThat(VALIDATOR.validate(hostile)).isEmpty();
  }

  @Test
  void takenNamesGetANumberAndAWarning() {
    Plan plan = ApiPlans.decide("names.yaml", """
        archforge: 1
        project: { name: odd }
        services:
          things: { api: graphql, entities: [Date, PageInfo, DateConnection] }
        entities:
          Date: { fields: { day: date } }
          PageInfo: { fields: { size: integer } }
          DateConnection: { fields: { label: string } }
        """);
    Artifact artifact = artifacts(plan).get(0);
    assertThat(VALIDATOR.validate(artifact)).isEmpty();
    TypeDefinitionRegistry r = registry(artifact.content());
    assertThat(r.getTypeOrNull("Date2")).isInstanceOf(ObjectTypeDefinition.class);
    assertThat(r.scalars()).containsKey("Date");
    assertThat(r.hasType("PageInfo2")).isTrue();
    assertThat(r.hasType("Date2Connection")).isTrue();
    assertThat(((ObjectTypeDefinition) type(r, "DateConnection")).getFieldDefinitions())
        .extracting(FieldDefinition::getName).contains("label");
    assertThat(typeOf(field(r, "Date2", "day"))).isEqualTo("Date");
    assertThat(new GraphqlDeliverable().warnings(Facts.of(plan))).contains(
        "graphql: service 'things': Date is taken, so it is named Date2.",
        "graphql: service 'things': PageInfo is taken, so it is named PageInfo2.");
  }

  @Test
  void aServiceWithoutEntitiesHasAMinimalValidSchema() {
    Plan plan = ApiPlans.withApi(PlanFixtures.empty(), Api.GRAPHQL);
    Artifact artifact = artifacts(plan).get(0);
    assertThat(VALIDATOR.validate(artifact)).isEmpty();
    TypeDefinitionRegistry r = registry(artifact.content());
    assertThat(((ObjectTypeDefinition) type(r, "Query")).getFieldDefinitions()).extracting(FieldDefinition::getName)
        .containsExactly("apiVersion");
    assertThat(r.hasType("Mutation")).isFalse();
    assertThat(new GraphqlDeliverable().warnings(Facts.of(plan))).anyMatch(w -> w.contains("owns no entities"));
  }

  @Test
  void renderingTheSamePlanTwiceGivesTheSameBytes() {
    Plan plan = ApiPlans.allServices("saas-projects", "graphql");
    assertThat(artifacts(plan)).isEqualTo(artifacts(plan));
  }
}
