package dev.archforge.deliverable.k8s;

import dev.archforge.deliverable.Registry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.SharedKinds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.deliverable.k8s.KubernetesValidator;
import dev.archforge.deliverable.k8s.PodSecurityChecker;
import dev.archforge.load.WorkspaceReader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.validate.RuntimeConsistencyValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the plan's choices do to the manifests: deployables, flows, secrets, availability, support. */
class KubernetesDeliverableTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String BASE = KubernetesDeliverable.BASE;

  @Test
  void aModularMonolithIsOneDeployableNamedAfterTheProjectRoutingOnlyItsPublicModules() throws Exception {
    List<Artifact> artifacts = render(RuntimePlans.ecommerce(Map.of("architecture-style", "modular-monolith")));

    assertThat(artifacts).filteredOn(a -> a.path().startsWith(BASE) && a.path().indexOf('/', BASE.length()) > 0)
        .allSatisfy(a -> assertThat(a.path()).startsWith(BASE + "shop/"));
    // catalog and orders are public; inventory, an internal gRPC module of the same deployable, gets no route
    JsonNode route = yaml(artifacts, BASE + "shop/httproute.yaml");
    assertThat(route.at("/spec/rules").findValuesAsText("value")).containsExactly("/catalog", "/orders");
    assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo("shop");
    assertThat(artifacts).extracting(Artifact::path).doesNotContain(BASE + "shop/grpcroute.yaml");
    assertThat(yaml(artifacts, BASE + "gateway.yaml").at("/spec/listeners/0/hostname").asText())
        .isEqualTo("api.example.com");
  }

  @Test
  void networkPoliciesAllowExactlyTheFlowsTheRequirementsImply() throws Exception {
    List<Artifact> artifacts = render(RuntimePlans.ecommerce(Map.of("architecture-style", "microservices",
        "messaging", "kafka", "caching", "none", "database", "postgresql")));

    JsonNode inventory = yaml(artifacts, BASE + "inventory/networkpolicy.yaml").path("spec");
    assertThat(inventory.path("ingress").size()).isEqualTo(1);
    assertThat(inventory.at("/ingress/0/from/0/podSelector/matchLabels").toString()).contains("\"catalog\"");
    // DNS, the OpenTelemetry Collector (the sample's observability decision), its database, Kafka over TLS (MSK, SASL/SCRAM)
    assertThat(ports(inventory.path("egress"))).containsExactly(53, 53, 4317, 5432, 9096);

    JsonNode catalog = yaml(artifacts, BASE + "catalog/networkpolicy.yaml").path("spec");
    assertThat(catalog.at("/ingress/0/from/0/namespaceSelector/matchLabels").toString()).contains("gateway-system");
    assertThat(catalog.at("/ingress/1/from/0/podSelector/matchLabels").toString()).contains("\"orders\"");
    assertThat(catalog.at("/egress/1/to/0/podSelector/matchLabels").toString()).contains("\"inventory\"");
    assertThat(ports(catalog.path("egress"))).containsExactly(53, 53, 8080, 4317, 5432, 9096, 443);
    assertThat(yaml(artifacts, BASE + "default-deny.yaml").at("/spec/podSelector").isEmpty()).isTrue();
    assertThat(artifacts).extracting(Artifact::path)
        .doesNotContain(BASE + "inventory/httproute.yaml", BASE + "inventory/grpcroute.yaml");
  }

  @Test
  void secretsAreReferencedAndFetchedNeverDefined() throws Exception {
    Plan byHand = RuntimePlans.ecommerce(Map.of("architecture-style", "microservices",
        "secrets", "kubernetes-secrets"));
    List<Artifact> k8sSecrets = render(byHand);
    assertThat(k8sSecrets).extracting(Artifact::path).noneMatch(p -> p.contains("externalsecret")
        || p.contains("secretstore"));
    assertThat(content(k8sSecrets, "deploy/k8s/README.md")).contains("kubectl create secret generic catalog-secrets");
    assertThat(k8sSecrets).noneMatch(a -> a.content().contains("kind: Secret\n"));

    List<Artifact> vault = render(RuntimePlans.ecommerce(Map.of("architecture-style", "microservices",
        "secrets", "vault")));
    assertThat(yaml(vault, BASE + "secretstore.yaml", 1).at("/spec/provider").has("vault")).isTrue();
    assertThat(yaml(vault, BASE + "catalog/externalsecret.yaml").at("/spec/target/name").asText())
        .isEqualTo("catalog-secrets");

    Plan gcp = RuntimePlans.decide(Path.of("samples/saas-projects.yaml"), Map.of("secrets", "cloud-secret-manager"));
    assertThat(yaml(render(gcp), BASE + "secretstore.yaml", 1).at("/spec/provider").has("gcpsm")).isTrue();

    Plan anyCloud = RuntimePlans.decide(Path.of("samples/iot-telemetry.yaml"),
        Map.of("secrets", "cloud-secret-manager"));
    assertThat(new KubernetesDeliverable().warnings(Facts.of(anyCloud))).singleElement()
        .satisfies(w -> assertThat(w).contains("project.cloud is any"));
  }

  @Test
  void productionSpreadsOverZonesAsHardAsTheAvailabilityTargetAsks() throws Exception {
    List<Artifact> strict = render(RuntimePlans.ecommerce(Map.of("architecture-style", "microservices")));
    Plan relaxedPlan = RuntimePlans.decide(Path.of("samples/saas-projects.yaml"), Map.of());
    List<Artifact> relaxed = render(relaxedPlan);

    assertThat(yaml(strict, KubernetesDeliverable.OVERLAYS + "prod/catalog.yaml")
        .at("/spec/template/spec/topologySpreadConstraints/0/whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
    String first = relaxedPlan.capacity().services().get(0).service();
    assertThat(yaml(relaxed, KubernetesDeliverable.OVERLAYS + "prod/" + first + ".yaml")
        .at("/spec/template/spec/topologySpreadConstraints/0/whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
    assertThat(yaml(strict, KubernetesDeliverable.OVERLAYS + "dev/catalog.yaml", 3).at("/spec/hostnames/0").asText())
        .isEqualTo("dev.api.example.com");
    assertThat(yaml(strict, KubernetesDeliverable.OVERLAYS + "dev/gateway.yaml").at("/spec/listeners/0/hostname")
        .asText()).isEqualTo("dev.api.example.com");
  }

  @Test
  void oneReplicaAtTheMinimumGetsAMaxUnavailableBudgetNotABlockingMinAvailable() {
    ServiceSizing single = new ServiceSizing("x", 10, 1, 1, 2, 500, 1024, 0, 0, List.of());
    ServiceSizing three = new ServiceSizing("x", 10, 1, 3, 6, 500, 1024, 0, 0, List.of());

    assertThat(Workloads.production(single).minAvailable()).isZero();
    assertThat(Workloads.production(three).minAvailable()).isEqualTo(2);
  }

  @Test
  void serverlessAndVmPlansGetNoManifests() {
    KubernetesDeliverable k8s = new KubernetesDeliverable();

    assertThat(k8s.supports(Facts.of(RuntimePlans.ecommerce(Map.of("architecture-style", "serverless"))))).isFalse();
    assertThat(k8s.supports(Facts.of(RuntimePlans.ecommerce(Map.of("deployment", "vm"))))).isFalse();
    assertThat(k8s.supports(Facts.of(RuntimePlans.ecommerce(Map.of())))).isTrue();
  }

  @Test
  void whatIsWrittenReadsBackWithTheSameKindsAndPassesTheSameValidators(@TempDir Path dir) {
    List<Artifact> generated = RuntimePlans.render(RuntimePlans.ecommerce(Map.of("architecture-style",
        "microservices")));
    RuntimePlans.write(generated, dir);

    List<Artifact> read = new WorkspaceReader(Registry.installed()::kindOf).read(dir);

    for (Artifact a : generated) {
      if (a.kind().equals(SharedKinds.KUBERNETES) || a.kind().equals(SharedKinds.DOCKERFILE)) {
        assertThat(read).as(a.path()).anyMatch(r -> r.path().equals(a.path()) && r.kind().equals(a.kind()));
      }
    }
    List<Object> findings = new ArrayList<>(new RuntimeConsistencyValidator().validate(read));
    read.stream().filter(a -> a.kind().equals(SharedKinds.KUBERNETES)).forEach(a -> {
      findings.addAll(new KubernetesValidator().validate(a));
      findings.addAll(new PodSecurityChecker().validate(a));
    });
    assertThat(findings).isEmpty();
  }

  private static List<Artifact> render(Plan plan) {
    return new KubernetesDeliverable().contribute(Facts.of(plan), RENDERER);
  }

  private static String content(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  private static JsonNode yaml(List<Artifact> artifacts, String path) throws Exception {
    return yaml(artifacts, path, 0);
  }

  private static JsonNode yaml(List<Artifact> artifacts, String path, int document) throws Exception {
    return YAML.readerFor(JsonNode.class).<JsonNode>readValues(content(artifacts, path)).readAll().get(document);
  }

  private static List<Integer> ports(JsonNode rules) {
    List<Integer> ports = new ArrayList<>();
    rules.forEach(r -> r.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
    return ports;
  }
}
