package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Blueprint;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.FactCatalog;
import dev.archforge.model.Option;
import dev.archforge.model.RuleCheck;
import dev.archforge.model.TopicRules;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in rules of the standard blueprint load cleanly and describe every topic fully. */
class StandardRulesTest {
  /** Options of the topics whose options the spec leaves open, as the code relies on them. */
  private static final Map<String, List<String>> OPEN_TOPIC_OPTIONS = Map.of(
      "scaling", List.of("horizontal-autoscaling", "autoscaling-and-read-replicas", "autoscaling-and-partitioning",
          "vertical"),
      "resilience", List.of("timeouts-and-retries", "circuit-breakers", "circuit-breakers-and-load-shedding"),
      "observability", List.of("logs-and-metrics", "opentelemetry", "opentelemetry-and-slos"),
      "secrets", List.of("kubernetes-secrets", "cloud-secret-manager", "vault"),
      "data-protection", List.of("baseline", "pii-protection", "regulated"),
      "backup-dr", List.of("daily-backups", "point-in-time-recovery", "warm-standby-region", "active-active",
          "cell-local-recovery"),
      "cost", List.of("managed-services", "reserved-capacity", "optimise-to-budget"));

  private static BlueprintLoader.Result result;
  private static Blueprint blueprint;

  @BeforeAll
  static void load() {
    result = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of("."));
    blueprint = result.blueprint().orElse(null);
  }

  @Test
  void loadsWithoutAnyDiagnostic() {
    assertThat(result.diagnostics()).isEmpty();
    assertThat(blueprint).isNotNull();
  }

  @Test
  void everyTopicHasRulesEndingInAnUnconditionalOne() {
    for (String topic : FactCatalog.DECIDE_ORDER) {
      TopicRules rules = blueprint.topic(topic).orElseThrow(() -> new AssertionError("no rules for " + topic));
      assertThat(rules.rules()).as(topic).isNotEmpty();
      assertThat(rules.rules().get(rules.rules().size() - 1).when()).as(topic + ": last rule").isEmpty();
      assertThat(rules.title()).as(topic).isNotBlank();
      assertThat(rules.question()).as(topic).isNotBlank();
      rules.rules().forEach(r -> {
        assertThat(r.id()).as(topic).startsWith(topic + ".");
        assertThat(r.because()).as(r.id()).isNotEmpty();
      });
    }
  }

  @Test
  void everyOptionIsDescribedWithTwoToFourPointsEach() {
    for (String topic : FactCatalog.DECIDE_ORDER) {
      for (Option o : blueprint.topic(topic).orElseThrow().options()) {
        String name = topic + "/" + o.name();
        assertThat(o.summary()).as(name).isNotBlank();
        assertThat(o.pros()).as(name + " pros").hasSizeBetween(2, 4);
        assertThat(o.cons()).as(name + " cons").hasSizeBetween(2, 4);
        assertThat(o.consequences()).as(name + " consequences").hasSizeBetween(2, 4);
      }
    }
  }

  @Test
  void everyOptionTheSpecFixesIsDescribedAndNoOther() {
    for (DecisionTopic topic : DecisionTopic.values()) {
      List<String> expected = topic.options().isEmpty() ? OPEN_TOPIC_OPTIONS.get(topic.id()) : topic.options();
      assertThat(expected).as(topic.id()).isNotNull();
      assertThat(blueprint.topic(topic.id()).orElseThrow().optionNames()).as(topic.id())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void ruleAndCheckIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (TopicRules topic : blueprint.rules()) {
      topic.rules().forEach(r -> assertThat(ids.add(r.id())).as("duplicate id " + r.id()).isTrue());
      for (RuleCheck check : topic.checks()) {
        assertThat(ids.add(check.id())).as("duplicate id " + check.id()).isTrue();
        assertThat(check.id()).startsWith(topic.topic() + ".");
      }
    }
  }

  @Test
  void readmeListsEveryFact() throws IOException {
    String readme = Files.readString(Path.of("blueprints/standard/rules/README.md"));
    for (FactCatalog.Fact fact : FactCatalog.forChecks()) {
      assertThat(readme).as("README lists " + fact.name()).contains("`" + fact.name() + "`");
    }
  }
}
