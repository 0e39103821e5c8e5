package dev.archforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.NotApplicable;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The coherence rules written for Kubernetes (routes-match-exposure, metrics-reach-prometheus,
 * broker-endpoint-agrees, consumers-within-partitions) check the managed-container descriptors
 * when those are the runtime, and say why they do not apply where a claim has no counterpart.
 */
class RulesOnManagedContainersTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final Path SAAS = Path.of("samples/saas-projects.yaml");
  private static final String BFF = "deploy/cloudrun/taskhub-bff.service.yaml";

  private static List<Artifact> render(Plan plan) {
    return PIPELINE.render(Facts.of(plan), RENDERER);
  }

  /** saas-projects on Cloud Run with Kafka: a BFF, four public services behind it, consumers with partitions. */
  private static List<Artifact> cloudRunWithKafka() {
    return render(RuntimePlans.decide(SAAS, Map.of("deployment", "managed-containers", "messaging", "kafka")));
  }

  private static List<Finding> broken(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return PIPELINE.validate(changed).stream().filter(f -> !f.validator().equals("descriptors-agree")
        && !f.validator().equals("decided-component-deployed")).toList();
  }

  @Test
  void theDescriptorsAgreeAndEveryRuleApplies() {
    List<Artifact> all = cloudRunWithKafka();
    assertThat(PIPELINE.validate(all)).isEmpty();
    // every rule applies but the one of dataResidency, which this system does not decide
    assertThat(PIPELINE.notApplicable(all)).extracting(NotApplicable::rule).containsExactly("data-stays-in-cell");
  }

  @Test
  void aConsumerAbovePartitionsABrokerElsewhereAndAMissingCredentialAreCaught() {
    List<Artifact> all = cloudRunWithKafka();
    assertThat(broken(all, "deploy/cloudrun/notifications.service.yaml", c -> c.replaceFirst(
        "maxScale: \"\\d+\"", "maxScale: \"500\""))).hasSize(4) // one per topic it consumes
        .allSatisfy(f -> assertThat(f.toString()).contains("deploy/cloudrun/notifications.service.yaml",
            "to 500 instances", "api/asyncapi.yaml", "consumers-within-partitions"));
    // Google's Managed Kafka listens on 9092 (Deployables.kafkaPort); the descriptor names another port
    assertThat(broken(all, "deploy/cloudrun/projects.service.yaml", c -> c.replace("kafka.internal.example:9092",
        "kafka.internal.example:9094"))).singleElement().satisfies(f -> assertThat(f.toString())
            .contains("points at the broker kafka.internal.example:9094", "broker-endpoint-agrees"));
    assertThat(broken(all, "deploy/cloudrun/projects.service.yaml", c -> c.replace("\"BROKER_PASSWORD\"",
        "\"BROKER_PASS\""))).extracting(Finding::message).anySatisfy(m -> assertThat(m)
            .contains("reads no BROKER_PASSWORD"));
  }

  @Test
  void ingressThatContradictsTheContractsAndADescriptorThatPushesNoTelemetryAreCaught() {
    List<Artifact> all = cloudRunWithKafka();
    // the BFF loses its public ingress: the public REST APIs behind it are reached by nothing public
    assertThat(broken(all, BFF, c -> c.replace("run.googleapis.com/ingress: all", "run.googleapis.com/ingress: internal")))
        .filteredOn(f -> f.validator().equals("routes-match-exposure")).hasSize(3)
        .allSatisfy(f -> assertThat(f.message()).contains("internal ingress only", "is public"));
    assertThat(broken(all, "deploy/cloudrun/notifications.service.yaml", c -> c.replace(
        "run.googleapis.com/ingress: internal", "run.googleapis.com/ingress: all"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("public ingress", "api/notifications/openapi.yaml"));
    assertThat(broken(all, "deploy/cloudrun/comments.service.yaml", c -> c.replace("OTEL_SERVICE_NAME",
        "OTEL_NAME"))).singleElement().satisfies(f -> assertThat(f.toString())
            .contains("comments pushes no OTLP", "metrics-reach-prometheus"));
  }

  @Test
  void whereAClaimHasNoCounterpartTheRuleSaysWhy() {
    // ecommerce: one deployable on ECS, whose service states no maximum
    List<Artifact> ecs = render(RuntimePlans.decide(Path.of("samples/ecommerce.yaml"),
        Map.of("deployment", "managed-containers")));
    assertThat(PIPELINE.notApplicable(ecs)).extracting(NotApplicable::toString)
        .anySatisfy(r -> assertThat(r).startsWith("consumers-within-partitions: the ecs descriptors state no maximum"))
        .anySatisfy(r -> assertThat(r).startsWith("routes-match-exposure: one ecs descriptor runs every module"));
    // library: Compose on virtual machines, scraped by Prometheus
    List<Artifact> vm = render(RuntimePlans.decide(Path.of("samples/library.yaml"), Map.of("deployment", "vm")));
    assertThat(PIPELINE.notApplicable(vm)).extracting(NotApplicable::toString)
        .anySatisfy(r -> assertThat(r).startsWith("routes-match-exposure: no Kubernetes Gateway"))
        .anySatisfy(r -> assertThat(r).startsWith("metrics-reach-prometheus: no Kubernetes manifests"));
    // on Kubernetes every rule applies, but the one of dataResidency, which ecommerce does not decide
    assertThat(PIPELINE.notApplicable(render(RuntimePlans.decide(Path.of("samples/ecommerce.yaml"), Map.of()))))
        .extracting(NotApplicable::rule).containsExactly("data-stays-in-cell");
  }
}
