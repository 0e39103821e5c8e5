package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.model.DecisionTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decide} and {@code explain}: the decisions as a table, as JSON, and one with its reasoning. */
class DecideCliTest {
  @TempDir
  Path tmp;

  @Test
  void decidePrintsEveryTopicAndWritesNothing() throws IOException {
    CliRunner.Run run = CliRunner.run("decide", "samples/ecommerce.yaml");
    assertThat(run.code()).as(run.err()).isZero();
    for (String topic : DecisionTopic.ids()) {
      assertThat(run.out()).containsPattern("(?m)^" + topic + " +\\S+ +(rules|user) ");
    }
    assertThat(run.out()).containsPattern("(?m)^database +postgresql +user ");
    assertThat(run.out()).contains("Peak: 5000 req/s");
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void decideJsonHasTheDocumentedShape() throws IOException {
    CliRunner.Run run = CliRunner.run("decide", "samples/ecommerce.yaml", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("decisions")).hasSize(DecisionTopic.values().length);
    JsonNode database = find(root, "database");
    assertThat(database.get("choice").asText()).isEqualTo("postgresql");
    assertThat(database.get("source").asText()).isEqualTo("user");
    assertThat(database.get("rulesWouldChoose").get("choice").asText()).isNotBlank();
    JsonNode caching = find(root, "caching");
    assertThat(caching.get("source").asText()).isEqualTo("rules");
    assertThat(caching.get("reasons")).isNotEmpty();
    assertThat(caching.get("options")).allSatisfy(o -> {
      assertThat(o.get("name").asText()).isNotBlank();
      assertThat(o.get("pros")).isNotEmpty();
      assertThat(o.get("cons")).isNotEmpty();
    });
    assertThat(caching.get("drivenBy")).anySatisfy(d -> {
      assertThat(d.get("key").asText()).isEqualTo("scale.readRatio");
      assertThat(d.get("value").asDouble()).isEqualTo(0.9);
    });
    assertThat(root.get("capacity").get("figures")).anySatisfy(f -> {
      assertThat(f.get("key").asText()).isEqualTo("peakRps");
      assertThat(f.get("value").asLong()).isEqualTo(5000);
      assertThat(f.get("formula").asText()).isNotBlank();
    });
    assertThat(root.get("capacity").get("services")).allSatisfy(s ->
        assertThat(s.get("hpaMax").asInt()).isGreaterThan(s.get("hpaMin").asInt()));
    assertThat(root.get("cost").get("monthlyUsd").asLong()).isPositive();
    assertThat(root.get("cost").get("budgetUsd").asLong()).isEqualTo(20000);
    assertThat(root.get("assumptions")).isNotEmpty();
    assertThat(root.has("openQuestions")).isTrue();
  }

  @Test
  void eachResidencyCellHasItsBillInTheJsonAndTheTotalIsTheirSum() throws IOException {
    CliRunner.Run run = CliRunner.run("decide", "samples/clinic-residency.yaml", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode cost = new ObjectMapper().readTree(run.out()).get("cost");
    assertThat(cost.get("cells")).extracting(c -> c.get("jurisdiction").asText()).containsExactly("eu", "us");
    assertThat(cost.get("cells")).allSatisfy(c -> assertThat(c.get("share").asDouble()).isEqualTo(0.5));
    long sum = 0;
    for (JsonNode cell : cost.get("cells")) {
      sum += cell.get("monthlyUsd").asLong();
    }
    assertThat(cost.get("monthlyUsd").asLong()).isBetween(sum - 1, sum + 1);
    assertThat(cost.get("items")).anySatisfy(i -> assertThat(i.get("component").asText()).isEqualTo("CDN, cell eu"));
  }

  @Test
  void assumedScaleBecomesOpenQuestionsInTheJson() throws IOException {
    CliRunner.Run run = CliRunner.run("decide", "samples/minimal.yaml", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("openQuestions").toString()).contains("scale.concurrentUsers").contains("budget");
    assertThat(root.get("assumptions").toString()).contains("peakRps");
  }

  private static JsonNode find(JsonNode root, String topic) {
    for (JsonNode d : root.get("decisions")) {
      if (d.get("topic").asText().equals(topic)) {
        return d;
      }
    }
    throw new AssertionError("no decision " + topic);
  }

  @Test
  void explainShowsTheReasoningChain() {
    CliRunner.Run run = CliRunner.run("explain", "samples/ecommerce.yaml", "caching");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Caching (caching): cdn-and-redis").contains("Why:").contains("Driven by:")
        .contains("scale.readRatio = 0.9").contains("Rules tried, in order:").contains("Options considered:")
        .contains("blueprints/standard/rules/caching.yaml:");
  }

  @Test
  void explainOfAUsersDecisionSaysWhatTheRulesWouldHaveChosen() {
    CliRunner.Run run = CliRunner.run("explain", "samples/ecommerce.yaml", "messaging");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("kafka  — decided by user").contains("decisions.messaging = kafka")
        .containsPattern("The rules (would have chosen|agree)");
  }

  @Test
  void anUnknownTopicIsBadUsageWithAHint() {
    CliRunner.Run run = CliRunner.run("explain", "samples/ecommerce.yaml", "cachng");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown topic 'cachng'").contains("did you mean 'caching'");
  }

  @Test
  void aBadRequirementsFileGetsPositionsAndExitTwo() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "archforge: 1\nproject:\n  name: shop\nservices:\n  api: {}\ndecisions:\n  scaling: Scale it.\n");
    CliRunner.Run run = CliRunner.run("decide", bad.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(bad + ":7:12: 'decisions.scaling' must name an option");
  }
}
