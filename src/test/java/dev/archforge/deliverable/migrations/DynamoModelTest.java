package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB design: one table per service whose CreateTable input the AWS SDK's model accepts,
 * and every access pattern served by a key or index. The check catches a broken table and a
 * pattern no key serves.
 */
class DynamoModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<MigrationPlans.Named> plans() {
    return MigrationPlans.all("dynamodb").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everySampleGetsATablePerServiceThatTheCheckAccepts(MigrationPlans.Named named) throws Exception {
    List<Artifact> artifacts = MigrationWorkspace.render(named.plan());
    List<Artifact> tables = artifacts.stream().filter(a -> a.path().endsWith("/dynamodb.json")).toList();
    assertThat(tables).hasSize(MigrationsDeliverable.owners(named.plan()).size());
    for (Artifact a : tables) {
      assertThat(new MigrationsDeliverable().kindOf(a.path())).contains(DynamoValidator.KIND);
      assertThat(new DynamoValidator().validate(a)).as(a.path()).isEmpty();
      JsonNode json = JSON.readTree(a.content());
      assertThat(json.path("accessPatterns").size()).isGreaterThanOrEqualTo(json.path("items").size());
    }
    assertThat(new MigrationsDeliverable().warnings(Facts.of(named.plan()))).isEmpty();
    assertThat(MigrationWorkspace.content(artifacts, "db/README.md")).contains("single-table design")
        .doesNotContain("by hand");
  }

  @Test
  void aMultiTenantServiceIsKeyedByTenantWithAnIndexPerListPatternAndLinksBothWays() throws Exception {
    Plan plan = MigrationPlans.decide(Path.of("samples/saas-projects.yaml"), Map.of("database", "dynamodb"));
    JsonNode json = JSON.readTree(MigrationWorkspace.content(MigrationWorkspace.render(plan),
        "db/organizations/dynamodb.json"));
    JsonNode table = json.path("table");
    assertThat(table.path("TableName").asText()).isEqualTo("taskhub-organizations");
    assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    List<String> indexes = new ArrayList<>();
    table.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText()));
    assertThat(indexes).contains("GSI1", "inverted").hasSizeLessThanOrEqualTo(20);
    List<String> member = new ArrayList<>();
    json.path("items").forEach(i -> {
      if (i.path("entity").asText().equals("Member")) {
        i.path("keys").fields().forEachRemaining(k -> member.add(k.getKey() + "=" + k.getValue().asText()));
      }
    });
    assertThat(member).contains("PK=T#<organization_id>#MEMBER#<id>", "SK=MEMBER",
        "GSI1PK=T#<organization_id>#MEMBER#organization#<organizationId>");
    List<String> patterns = new ArrayList<>();
    json.path("accessPatterns").forEach(p -> patterns.add(p.path("pattern").asText() + " | " + p.path("index").asText()
        + " | " + p.path("keyCondition").asText()));
    assertThat(patterns).contains(
        "list the Team records linked to one Member (teams) | table | PK = :pk AND begins_with(SK, :sk)",
        "list the Member records linked to one Team (the other side of Member.teams) | inverted"
            + " | SK = :sk AND begins_with(PK, :pk)",
        "list the Member records with one role (role filter), a month at a time | GSI4 | GSI4PK = :pk")
        .doesNotContain("list the Member records of one tenant, a month at a time | GSI5 | GSI5PK = :pk");
  }

  @Test
  void theCheckFindsWhatDynamoDbRefusesAndPatternsNoKeyServes() {
    String broken = """
        {
          "table": {
            "TableName": "shop-orders",
            "AttributeDefinitions": [
              {"AttributeName": "PK", "AttributeType": "S"},
              {"AttributeName": "SK", "AttributeType": "S"},
              {"AttributeName": "GSI9PK", "AttributeType": "S"}
            ],
            "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
            "GlobalSecondaryIndexes": [
              {"IndexName": "GSI1", "KeySchema": [{"AttributeName": "GSI1PK", "KeyType": "HASH"}],
               "Projection": {"ProjectionType": "EVERYTHING"}}
            ],
            "BillingMode": "PAY_PER_REQUEST",
            "Colour": "blue"
          },
          "accessPatterns": [
            {"pattern": "by id", "index": "table", "keyCondition": "PK = :pk AND SK = :sk"},
            {"pattern": "by status", "index": "GSI2", "keyCondition": "GSI2PK = :pk"},
            {"pattern": "by customer", "index": "GSI1", "keyCondition": "customerId = :c"},
            {"pattern": "sorted", "index": "table", "keyCondition": "PK = :pk AND createdAt > :t"}
          ]
        }
        """;
    List<String> messages = new DynamoValidator().validate(new Artifact("db/orders/dynamodb.json", broken,
        DynamoValidator.KIND)).stream().map(Finding::message).toList();
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("`Colour` is not a member of CreateTableRequest"))
        .anySatisfy(m -> assertThat(m).contains("`EVERYTHING` is not a value of ProjectionType"))
        .anySatisfy(m -> assertThat(m).contains("key attribute `GSI1PK` is not in AttributeDefinitions"))
        .anySatisfy(m -> assertThat(m).contains("attribute `GSI9PK` is defined but no key schema uses it"))
        .anySatisfy(m -> assertThat(m).contains("reads index `GSI2`, which the table does not have"))
        .anySatisfy(m -> assertThat(m).contains("does not fix GSI1's partition key GSI1PK"))
        .anySatisfy(m -> assertThat(m).contains("names `createdAt`, which is not table's sort key SK"))
        .hasSize(7);
  }
}
