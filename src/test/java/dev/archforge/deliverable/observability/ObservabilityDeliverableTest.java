package dev.archforge.deliverable.observability;

import dev.archforge.facts.AlertNames;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Naming;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Promtool;
import dev.archforge.testing.SamplePlans;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations documents of every sample (and of samples with another broker, cache or
 * runtime): promtool accepts the rules and their unit tests pass, budgets and burn thresholds
 * follow the requirements, every alert has its runbook section, and nothing names a component the
 * system lacks.
 */
class ObservabilityDeliverableTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path tmp;

  record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Named> plans() {
    Stream<Named> samples = SamplePlans.samples().stream().map(p -> new Named(SamplePlans.name(p),
        SamplePlans.plan(p)));
    return Stream.concat(samples, Stream.of(
        variant("ecommerce", Map.of("messaging", "rabbitmq", "caching", "none")),
        variant("saas-projects", Map.of("messaging", "cloud-pubsub", "deployment", "vm")),
        variant("fintech-ledger", Map.of("messaging", "cloud-pubsub", "database", "mysql")),
        variant("minimal", Map.of("architecture-style", "serverless", "deployment", "serverless"))));
  }

  static Named variant(String sample, Map<String, String> decisions) {
    Requirements r = SamplePlans.requirements(Path.of("samples", sample + ".yaml"));
    Map<String, String> merged = new HashMap<>(r.decisions());
    merged.putAll(decisions);
    return new Named(sample + " " + new java.util.TreeMap<>(decisions), SamplePlans.plan(new Requirements(
        r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(), r.services(), r.entities(),
        r.events(), merged, r.decisionLocations(), r.entityLocations(), r.blueprint())));
  }

  static Map<String, String> render(Plan plan) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Artifact a : new ObservabilityDeliverable().contribute(Facts.of(plan), RENDERER)) {
      map.put(a.path(), a.content());
    }
    return map;
  }

  private Path write(String name, Map<String, String> docs) throws IOException {
    Path dir = tmp.resolve(name.replaceAll("[^A-Za-z0-9-]", "_"));
    for (var e : docs.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
    return dir.resolve("observability");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void promtoolAcceptsTheRulesAndTheirUnitTestsPass(Named named) throws IOException {
    Map<String, String> docs = render(named.plan());
    assertThat(docs.keySet()).containsExactly("observability/SLO.md", "observability/alerts.yaml",
        "observability/alerts.test.yaml", "observability/RUNBOOK.md");
    Path dir = write(named.name(), docs);
    Promtool.assertPasses(Promtool.checkRules(dir.resolve("alerts.yaml")), "check rules");
    Promtool.Result tests = Promtool.testRules(dir.resolve("alerts.test.yaml"));
    Promtool.assertPasses(tests, "test rules");
    assertThat(tests.output()).contains("SUCCESS");
  }

  @Test
  void theUnitTestsFailWhenTheFastBurnDoesNotHappen() throws IOException {
    Map<String, String> docs = render(SamplePlans.plan(Path.of("samples/ecommerce.yaml")));
    String tests = docs.get("observability/alerts.test.yaml");
    // the first scenario's error series: an hour of errors at 20× the budget becomes an hour without errors
    String burning = "values: \"0+0x360 10000+10000x59\"";
    assertThat(tests).contains(burning);
    docs.put("observability/alerts.test.yaml", tests.replaceFirst(java.util.regex.Pattern.quote(burning),
        "values: \"0+0x420\""));
    Promtool.Result result = Promtool.testRules(write("mutated", docs).resolve("alerts.test.yaml"));
    assertThat(result.ok()).as(result.output()).isFalse();
    assertThat(result.output()).contains("CatalogAvailabilityFastBurn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void budgetsAndBurnThresholdsFollowTheAvailabilityTarget(Named named) throws IOException {
    Map<String, String> docs = render(named.plan());
    double availability = named.plan().requirements().scale().availability();
    BigDecimal budget = BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(availability)).movePointLeft(2);
    String minutes = budget.multiply(BigDecimal.valueOf(43200)).stripTrailingZeros().toPlainString();
    String slo = docs.get("observability/SLO.md");
    JsonNode rules = YAML.readTree(docs.get("observability/alerts.yaml"));
    List<String> targets = targets(named.plan());
    for (String service : targets) {
      assertThat(slo).contains("| " + service + " | ");
      assertThat(slo).contains(" | " + BigDecimal.valueOf(availability).stripTrailingZeros().toPlainString()
          + " % | " + minutes + " | ");
      String fast = expr(rules, AlertNames.fastBurn(service));
      String threshold = new BigDecimal("14.4").multiply(budget).stripTrailingZeros().toPlainString();
      assertThat(fast).contains("ratio_rate1h{service=\"" + service + "\",sli=\"availability\"} > " + threshold)
          .contains("ratio_rate5m{service=\"" + service + "\",sli=\"availability\"} > " + threshold);
      for (String sli : List.of("Availability", "Latency")) {
        for (String speed : List.of("FastBurn", "SlowBurn", "BudgetBurn")) {
          assertThat(expr(rules, dev.archforge.facts.Naming.pascal(service) + sli + speed)).isNotEmpty();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyAlertHasItsRunbookSectionAndNoDocumentNamesAnAbsentBroker(Named named) throws IOException {
    Map<String, String> docs = render(named.plan());
    JsonNode rules = YAML.readTree(docs.get("observability/alerts.yaml"));
    String runbook = docs.get("observability/RUNBOOK.md");
    List<String> alerts = new ArrayList<>();
    rules.path("groups").forEach(g -> g.path("rules").forEach(r -> {
      if (r.has("alert")) {
        alerts.add(r.path("alert").asText());
        assertThat(r.path("annotations").path("runbook_url").asText())
            .isEqualTo("RUNBOOK.md#" + AlertNames.anchor(r.path("alert").asText()));
      }
    }));
    for (String a : alerts) {
      assertThat(runbook).contains("\n### " + a + "\n");
    }
    // the restore steps per cell follow the alerts' sections
    assertThat(runbook.split("\n## Restore in the recovery region\n")[0].lines().filter(l -> l.startsWith("### "))
        .count()).isEqualTo(alerts.size());
    String messaging = choice(named.plan(), "messaging");
    boolean consumers = named.plan().requirements().services().stream().anyMatch(s -> !s.consumes().isEmpty());
    List<String> lag = alerts.stream().filter(a -> a.endsWith("ConsumerLag")).toList();
    if (messaging.equals("none") || !consumers) {
      assertThat(lag).isEmpty();
      docs.values().forEach(d -> assertThat(d).doesNotContain("kafka_").doesNotContain("rabbitmq_")
          .doesNotContain("broker"));
    } else if (!messaging.equals("cloud-pubsub") || List.of("aws", "gcp").contains(
        named.plan().requirements().project().cloud().spelling())) {
      List<String> expected = named.plan().requirements().services().stream().filter(s -> !s.consumes().isEmpty())
          .map(Service::name).map(AlertNames::consumerLag).toList();
      assertThat(lag).containsExactlyElementsOf(expected);
    }
    if (!messaging.equals("kafka")) {
      docs.values().forEach(d -> assertThat(d).doesNotContain("Kafka").doesNotContain("kafka_"));
    }
    if (choice(named.plan(), "caching").equals("none")) {
      docs.values().forEach(d -> assertThat(d).doesNotContain("Redis").doesNotContain("redis_"));
    }
  }

  private static String choice(Plan plan, String topic) {
    return plan.decision(topic).map(Decision::choice).orElseThrow();
  }

  private static List<String> targets(Plan plan) {
    List<Service> services = plan.requirements().services();
    boolean anyPublic = services.stream().anyMatch(Service::isPublic);
    return services.stream().filter(s -> !anyPublic || s.isPublic()).map(Service::name).toList();
  }

  private static String expr(JsonNode rules, String alert) {
    for (JsonNode g : rules.path("groups")) {
      for (JsonNode r : g.path("rules")) {
        if (r.path("alert").asText().equals(alert)) {
          return r.path("expr").asText();
        }
      }
    }
    throw new AssertionError("no alert " + alert);
  }
}
