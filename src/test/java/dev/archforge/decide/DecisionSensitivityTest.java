package dev.archforge.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import dev.archforge.model.FactCatalog;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The same system described by a small team with few users and by a large team with a million
 * users comes out as an experienced architect would draw it; compliance changes data protection;
 * the user's word wins and is recorded.
 */
class DecisionSensitivityTest {
  private static final Blueprint STANDARD =
      new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();

  /** A shop with three services, events between them and a workflow across them. */
  static String system(int team, int users, String extraScale, String compliance, String decisions) {
    return """
        archforge: 1
        project:
          name: shop
          cloud: aws
          team: { size: %d }
        scale:
          concurrentUsers: %d
        %s
        compliance: %s
        security:
          roles: [customer, staff]
        services:
          catalog:
            exposure: public
            entities: [Product]
            publishes: [ProductPriceChanged]
            access:
              Product: { read: [anonymous, customer, staff], write: [staff] }
          orders:
            exposure: public
            entities: [Order, Customer]
            publishes: [OrderPlaced]
            consumes: [PaymentCaptured]
            calls: [catalog]
          payments:
            entities: [Payment]
            consumes: [OrderPlaced]
            publishes: [PaymentCaptured]
        entities:
          Product:
            fields:
              name: { type: string, maxLength: 200, required: true }
              price: { type: decimal, required: true, min: 0 }
          Customer:
            fields:
              email: { type: email, required: true, unique: true, pii: true }
          Order:
            fields:
              total: { type: decimal, required: true }
            relations:
              customer: { to: Customer, kind: many-to-one, required: true }
          Payment:
            fields:
              orderId: { type: uuid, required: true }
              amount: { type: decimal, required: true }
        events:
          ProductPriceChanged:
            fields: { productId: { type: uuid, required: true } }
          OrderPlaced:
            fields: { orderId: { type: uuid, required: true } }
          PaymentCaptured:
            fields: { orderId: { type: uuid, required: true } }
        %s
        """.formatted(team, users, extraScale.indent(2).stripTrailing(), compliance, decisions);
  }

  static Plan plan(String yaml) {
    var loaded = new RequirementsLoader().load("shop.yaml", yaml);
    assertThat(loaded.errors()).as(yaml).isEmpty();
    return new RuleDecider().decide(loaded.requirements().orElseThrow(), STANDARD);
  }

  static Plan small() {
    return plan(system(3, 500, "", "[]", ""));
  }

  static Plan large() {
    return plan(system(60, 1_000_000, "readRatio: 0.9\navailability: 99.99\nregions: 2", "[]", ""));
  }

  @Test
  void everyTopicIsDecidedOnceWithTheValuesBehindIt() {
    for (Plan plan : new Plan[] {small(), large()}) {
      assertThat(plan.decisions()).extracting(Decision::topic)
          .containsExactlyInAnyOrderElementsOf(FactCatalog.DECIDE_ORDER);
      for (Decision d : plan.decisions()) {
        assertThat(d.reasons()).as(d.topic()).isNotEmpty();
        assertThat(d.drivenBy()).as(d.topic()).isNotEmpty();
        assertThat(d.options()).as(d.topic()).hasSizeGreaterThan(1);
        assertThat(d.chosen()).as(d.topic()).isPresent();
        assertThat(d.trace()).as(d.topic()).isNotEmpty().last().satisfies(t -> assertThat(t.held()).isTrue());
        assertThat(d.reasons()).as(d.topic()).noneMatch(r -> r.contains("{"));
      }
    }
  }

  @Test
  void aSmallTeamWithFewUsersGetsABoringModularMonolith() {
    Plan plan = small();
    assertThat(plan.choice("architecture-style")).isEqualTo("modular-monolith");
    assertThat(plan.choice("database")).isEqualTo("postgresql");
    assertThat(plan.choice("messaging")).isEqualTo("none");
    assertThat(plan.choice("caching")).isEqualTo("none");
    assertThat(plan.choice("consistency")).isEqualTo("local-transactions");
    assertThat(plan.choice("backup-dr")).isIn("daily-backups", "point-in-time-recovery");
    assertThat(plan.choice("api-gateway")).isNotEqualTo("gateway-and-bff");
    assertThat(plan.capacity().services()).singleElement().satisfies(s -> assertThat(s.service()).isEqualTo("shop"));
    Decision style = plan.decision("architecture-style").orElseThrow();
    assertThat(style.drivenBy()).extracting(Driver::key).contains("team.size");
  }

  @Test
  void aLargeTeamWithAMillionUsersGetsMicroservicesAcrossRegions() {
    Plan plan = large();
    assertThat(plan.choice("architecture-style")).isEqualTo("microservices");
    assertThat(plan.choice("database")).isEqualTo("postgresql");
    assertThat(plan.choice("messaging")).isEqualTo("kafka");
    assertThat(plan.choice("caching")).isEqualTo("cdn-and-redis");
    assertThat(plan.choice("consistency")).isIn("outbox", "saga");
    assertThat(plan.choice("api-gateway")).isEqualTo("gateway-and-bff");
    assertThat(plan.choice("backup-dr")).isEqualTo("active-active");
    assertThat(plan.choice("resilience")).isEqualTo("circuit-breakers-and-load-shedding");
    assertThat(plan.choice("observability")).isEqualTo("opentelemetry-and-slos");
    // three services and the BFF that gateway-and-bff deploys in front of them
    assertThat(plan.capacity().services()).hasSize(4);
    assertThat(plan.capacity().services()).extracting(s -> s.service()).endsWith("shop-bff");
    assertThat(plan.decision("caching").orElseThrow().drivenBy()).extracting(Driver::key)
        .contains("scale.readRatio");
  }

  @Test
  void twoFoundersOnASmallBudgetGetManagedContainersNotKubernetes() {
    Plan plan = plan(system(2, 800, "", "[]", "").replace("team: { size: 2 }",
        "team: { size: 2 }\n  budget: { monthlyUsd: 300 }"));
    assertThat(plan.choice("deployment")).isEqualTo("managed-containers");
    Decision deployment = plan.decision("deployment").orElseThrow();
    assertThat(deployment.rule()).isEqualTo("deployment.small-budget");
    assertThat(deployment.drivenBy()).contains(new Driver("budget.monthlyUsd", 300.0));
    assertThat(deployment.reasons()).anySatisfy(r -> assertThat(r).contains("Kubernetes was not chosen"));
  }

  @Test
  void aSmallTeamAtFortyRequestsPerSecondGetsManagedContainersNotKubernetes() {
    Plan plan = plan(system(3, 800, "", "[]", ""));
    assertThat(plan.capacity().figure("peakRps").orElseThrow().value()).isEqualTo(40.0);
    assertThat(plan.choice("deployment")).isEqualTo("managed-containers");
    assertThat(plan.decision("deployment").orElseThrow().drivenBy()).extracting(Driver::key).contains("team.size");
  }

  @Test
  void aLargeTeamWithMillionsOfUsersGetsKubernetes() {
    Plan plan = plan(system(60, 1_500_000, "", "[]", ""));
    assertThat(plan.choice("deployment")).isEqualTo("kubernetes");
    assertThat(plan.decision("deployment").orElseThrow().rule()).isEqualTo("deployment.kubernetes-platform-team");
    assertThat(large().choice("deployment")).isEqualTo("kubernetes");
  }

  @Test
  void aLowAvailabilityMonolithRunsOnOneMachineAndTheUserMayStillChooseKubernetes() {
    Plan vm = plan(system(3, 800, "availability: 99.5", "[]", ""));
    assertThat(vm.choice("deployment")).isEqualTo("vm");
    Plan chosen = plan(system(2, 800, "", "[]", "decisions:\n  deployment: kubernetes"));
    assertThat(chosen.choice("deployment")).isEqualTo("kubernetes");
    assertThat(chosen.decision("deployment").orElseThrow().drafted().choice()).isEqualTo("managed-containers");
    assertThat(chosen.warnings()).anySatisfy(w -> assertThat(w).contains("deployment is kubernetes for a team of 2"));
  }

  @Test
  void aWorkflowAcrossServicesGetsASaga() {
    Plan plan = large();
    assertThat(plan.choice("consistency")).isEqualTo("saga");
    assertThat(plan.decision("consistency").orElseThrow().drivenBy())
        .contains(new Driver("events.chains", 2.0));
  }

  @Test
  void complianceChangesDataProtectionAndSecrets() {
    Plan none = small();
    Plan pci = plan(system(3, 500, "", "[pci-dss]", ""));
    Plan gdpr = plan(system(3, 500, "", "[gdpr]", ""));
    assertThat(none.choice("data-protection")).isEqualTo("baseline");
    assertThat(gdpr.choice("data-protection")).isEqualTo("pii-protection");
    assertThat(pci.choice("data-protection")).isEqualTo("regulated");
    assertThat(pci.choice("secrets")).isIn("cloud-secret-manager", "vault");
    assertThat(pci.decision("data-protection").orElseThrow().drivenBy())
        .contains(new Driver("compliance.pciDss", true));
  }

  @Test
  void theUsersDecisionWinsAndTheRulesOpinionIsKept() {
    Plan plan = plan(system(3, 500, "", "[]", "decisions:\n  architecture-style: microservices\n  caching: redis"));
    Decision style = plan.decision("architecture-style").orElseThrow();
    assertThat(style.choice()).isEqualTo("microservices");
    assertThat(style.origin()).isEqualTo(Decision.Origin.USER);
    assertThat(style.drafted().choice()).isEqualTo("modular-monolith");
    assertThat(style.reasons()).anySatisfy(r -> assertThat(r).contains("would have chosen modular-monolith"));
    assertThat(plan.choice("caching")).isEqualTo("redis");
    assertThat(plan.capacity().services()).hasSize(3);
    assertThat(plan.decision("database").orElseThrow().origin()).isEqualTo(Decision.Origin.RULES);
  }

  @Test
  void aChoiceTheBlueprintHasNoRulesForIsAnErrorAtItsLine() {
    String yaml = system(3, 500, "", "[]", "decisions:\n  scaling: manual-scaling");
    assertThatThrownBy(() -> plan(yaml)).isInstanceOf(DecisionException.class)
        .satisfies(e -> assertThat(((DecisionException) e).messages()).singleElement().satisfies(m ->
            assertThat(m).matches("shop\\.yaml:\\d+:12: .*scaling.*manual-scaling.*horizontal-autoscaling.*")));
  }

  @Test
  void aBrokerlessPlanForServicesThatExchangeEventsIsRefused() {
    String yaml = system(60, 1_000_000, "", "[]", "decisions:\n  messaging: none");
    assertThatThrownBy(() -> plan(yaml)).isInstanceOf(DecisionException.class)
        .satisfies(e -> assertThat(((DecisionException) e).messages()).anySatisfy(m ->
            assertThat(m).startsWith("shop.yaml:").contains("messaging")));
  }
}
