package dev.archforge.deliverable.security;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.observability.ObservabilityDeliverable;
import dev.archforge.deliverable.security.SecurityPlans.Named;
import dev.archforge.model.Api;
import dev.archforge.model.Decision;
import dev.archforge.model.Event;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing generic: the threat model has a STRIDE section for exactly the elements and flows this
 * system has — every service, database, cache, broker, entry point, call and event — and no
 * security or operations document names a broker, cache, gateway or runtime the plan does not
 * have. The expected sets are derived here from the requirements and decisions, independently of
 * the deliverable's own model.
 */
class ThreatModelCoverageTest {
  private static final Pattern HEADING = Pattern.compile("(?m)^### (.+)$");
  private static final Pattern TABLE = Pattern.compile("### ([^\\n]+)\\n\\n[^\\n]*\\n\\n((?:\\|[^\\n]*\\|\\n?)+)");

  static Stream<Named> plans() {
    return SecurityPlans.all();
  }

  static String choice(Plan plan, String topic) {
    return plan.decision(topic).map(Decision::choice).orElseThrow();
  }

  /** The STRIDE elements this plan's system has, by heading. */
  static Set<String> expected(Plan plan) {
    Requirements r = plan.requirements();
    boolean monolith = choice(plan, "architecture-style").equals("modular-monolith");
    String gateway = choice(plan, "api-gateway");
    String caching = choice(plan, "caching");
    String messaging = choice(plan, "messaging");
    Set<String> set = new LinkedHashSet<>();
    if (gateway.equals("none")) {
      r.services().stream().filter(Service::isPublic).forEach(s -> set.add(s.name() + " public API"));
    } else {
      set.add("API gateway");
    }
    if (caching.equals("cdn-and-redis")) {
      set.add("CDN");
    }
    if (gateway.equals("gateway-and-bff")) {
      set.add("backend-for-frontend (BFF)");
    }
    switch (choice(plan, "authentication")) {
      case "oidc" -> set.add("identity provider");
      case "jwt" -> set.add("token service");
      case "mtls" -> set.add("private certificate authority");
      default -> { }
    }
    r.services().forEach(s -> set.add(s.name() + (monolith ? " module" : " service")));
    List<Service> withData = r.services().stream().filter(s -> !s.entities().isEmpty()).toList();
    if (monolith && !withData.isEmpty()) {
      set.add(r.project().name() + " database");
    } else if (!monolith) {
      withData.forEach(s -> set.add(s.name() + " database"));
    }
    if (!caching.equals("none")) {
      set.add("Redis cache");
    }
    if (!messaging.equals("none")) {
      set.add(switch (messaging) {
        case "kafka" -> "Kafka";
        case "rabbitmq" -> "RabbitMQ";
        default -> switch (r.project().cloud()) {
          case AWS -> "Amazon SNS and SQS";
          case GCP -> "Google Cloud Pub/Sub";
          case AZURE -> "Azure Service Bus";
          case ANY -> "the cloud's publish/subscribe service";
        };
      } + " broker");
    }
    r.services().forEach(s -> r.ownedBy(s).forEach(e -> e.operations().forEach(op ->
        set.add(op.name() + e.name() + " (" + s.name() + ")"))));
    if (plan.cells().residency()) {
      plan.cells().cells().forEach(c -> set.add("cell " + c.jurisdiction()));
    }
    r.services().forEach(s -> s.calls().forEach(c -> set.add(s.name() + " → " + c)));
    for (Event e : r.events()) {
      if (r.services().stream().anyMatch(s -> s.publishes().contains(e.name()) || s.consumes().contains(e.name()))) {
        set.add("event " + e.name());
      }
    }
    return set;
  }

  /** Words that must not appear in any security or operations document of this plan. */
  static List<String> forbidden(Plan plan) {
    Requirements r = plan.requirements();
    List<String> words = new ArrayList<>();
    String messaging = choice(plan, "messaging");
    Map<String, List<String>> brokers = Map.of("kafka", List.of("Kafka"), "rabbitmq", List.of("RabbitMQ"),
        "cloud-pubsub", List.of("Pub/Sub", "SNS", "SQS", "Service Bus"));
    brokers.forEach((option, names) -> {
      if (!option.equals(messaging)) {
        words.addAll(names);
      }
    });
    if (messaging.equals("none")) {
      words.addAll(List.of("broker", "dead-letter"));
    }
    String caching = choice(plan, "caching");
    if (caching.equals("none")) {
      words.add("Redis");
    }
    if (!caching.equals("cdn-and-redis")) {
      words.add("CDN");
    }
    String gateway = choice(plan, "api-gateway");
    if (gateway.equals("none")) {
      words.addAll(List.of("API gateway", "the gateway"));
    }
    if (!gateway.equals("gateway-and-bff")) {
      words.addAll(List.of("BFF", "backend-for-frontend"));
    }
    if (r.services().stream().noneMatch(s -> s.api() == Api.GRAPHQL)) {
      words.add("GraphQL");
    }
    if (r.services().stream().noneMatch(s -> s.api() == Api.GRPC)) {
      words.add("gRPC");
    }
    String auth = choice(plan, "authentication");
    if (!auth.equals("oidc")) {
      words.add("identity provider");
    }
    if (!auth.equals("jwt")) {
      words.add("token service");
    }
    if (!auth.equals("api-key")) {
      words.add("X-API-Key");
    }
    if (!choice(plan, "deployment").equals("kubernetes")) {
      words.addAll(List.of("kubectl", "NetworkPolicy", "kube_"));
      if (!choice(plan, "secrets").equals("kubernetes-secrets")) {
        words.add("Kubernetes");
      }
    }
    return words;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theThreatModelHasAStrideSectionForEveryElementAndFlowAndNoOther(Named named) {
    String model = SecurityPlans.security(named.plan()).get("security/THREAT-MODEL.md");
    Set<String> headings = new LinkedHashSet<>();
    Matcher m = HEADING.matcher(model);
    while (m.find()) {
      headings.add(m.group(1));
    }
    assertThat(headings).as(named.name()).containsExactlyInAnyOrderElementsOf(expected(named.plan()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyStrideTableHasSixRatedRowsThatSayWhereTheyAreMet(Named named) {
    String model = SecurityPlans.security(named.plan()).get("security/THREAT-MODEL.md");
    Matcher m = TABLE.matcher(model);
    int tables = 0;
    while (m.find()) {
      tables++;
      List<String> rows = m.group(2).lines().skip(2).toList();
      assertThat(rows).as(m.group(1)).hasSize(6);
      assertThat(rows.stream().map(row -> row.split(" \\| ")[0].substring(2)).toList()).as(m.group(1))
          .containsExactly("Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service",
              "Elevation of privilege");
      for (String row : rows) {
        String[] cells = row.substring(2, row.length() - 2).split(" \\| ");
        assertThat(cells).as(row).hasSize(5);
        assertThat(cells[3]).as(row).matches("(?s).*(\\]\\(|team: ).*");
        assertThat(cells[4]).as(row).isIn("Low", "Medium", "High");
      }
    }
    assertThat(tables).as(named.name()).isEqualTo(expected(named.plan()).size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void noDocumentNamesAComponentTheSystemDoesNotHave(Named named) {
    Map<String, String> docs = SecurityPlans.security(named.plan());
    docs.putAll(SecurityPlans.byPath(new ObservabilityDeliverable().contribute(Facts.of(named.plan()), SecurityPlans.RENDERER)));
    for (var doc : docs.entrySet()) {
      for (String word : forbidden(named.plan())) {
        assertThat(doc.getValue()).as(named.name() + " " + doc.getKey() + " mentions " + word).doesNotContain(word);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyServiceStoreAndEventAppearsInTheInventories(Named named) {
    String model = SecurityPlans.security(named.plan()).get("security/THREAT-MODEL.md");
    String components = model.substring(model.indexOf("## Components"), model.indexOf("## Data flows"));
    String flows = model.substring(model.indexOf("## Data flows"), model.indexOf("## Residual risks"));
    Requirements r = named.plan().requirements();
    r.services().forEach(s -> assertThat(components).contains("| " + s.name() + " "));
    r.services().forEach(s -> s.calls().forEach(c -> assertThat(flows).contains("| " + s.name() + " → " + c + " |")));
    expected(named.plan()).stream().filter(e -> e.startsWith("event ")).forEach(e -> assertThat(flows).contains(e));
  }
}
