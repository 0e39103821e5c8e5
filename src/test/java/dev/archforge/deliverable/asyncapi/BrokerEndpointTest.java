package dev.archforge.deliverable.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.KafkaAuth;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker the AsyncAPI document names is the one the Kubernetes configuration points at, with
 * the credential its security scheme needs and a NetworkPolicy that reaches its port.
 */
class BrokerEndpointTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String SAMPLE = "ecommerce.yaml";

  static List<AsyncApiPlans.Named> variants() {
    return AsyncApiPlans.messagingVariants();
  }

  private static List<Artifact> artifacts(String label, Map<String, String> decisions) {
    return PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, AsyncApiPlans.sampleText(SAMPLE), label, null,
        decisions).plan()), RENDERER);
  }

  private static List<Finding> broken(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return new BrokerEndpoint().validate(changed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void theConfigurationReachesTheDocumentsBroker(AsyncApiPlans.Named named) {
    assertThat(new BrokerEndpoint().validate(PIPELINE.render(Facts.of(named.plan()), RENDERER))).isEmpty();
  }

  @Test
  void kafkaIsReachedOnItsTlsPortWithACredential() {
    List<Artifact> all = artifacts("kafka", Map.of("messaging", "kafka", "architecture-style", "microservices"));
    String configMap = "deploy/k8s/base/inventory/configmap.yaml";
    assertThat(all).anySatisfy(a -> {
      assertThat(a.path()).isEqualTo(configMap);
      assertThat(a.content()).contains("kafka.internal.example:9096").contains("SASL_SSL");
    });

    assertThat(broken(all, configMap, t -> t.replace("kafka.internal.example:9096", "kafka.internal.example:9092")))
        .singleElement().satisfies(f -> {
          assertThat(f.path()).isEqualTo(configMap);
          assertThat(f.message()).contains("kafka.internal.example:9092").contains("api/asyncapi.yaml");
        });
    assertThat(broken(all, "deploy/k8s/base/inventory/deployment.yaml", t -> t.replace("BROKER_PASSWORD", "OTHER")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("BROKER_PASSWORD"));
    assertThat(broken(all, "deploy/k8s/base/inventory/networkpolicy.yaml", t -> t.replace("port: 9096", "port: 9092")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("port 9096"));
  }

  @Test
  void rabbitMqHostAndPortComeFromTheSamePlace() {
    List<Artifact> all = artifacts("rabbitmq", Map.of("messaging", "rabbitmq", "architecture-style", "microservices"));

    assertThat(broken(all, "deploy/k8s/base/inventory/configmap.yaml", t -> t.replace("\"5671\"", "\"5672\"")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains(":5672"));
  }

  /**
   * Each cloud's managed Kafka has its own TLS port (MSK SASL/SCRAM 9096 and client certificates 9094,
   * Google Cloud Managed Kafka 9092, Event Hubs 9093, a self-run cluster 9093): the configuration,
   * AsyncAPI, the network policy and infra/ all name the one {@code Deployables.kafkaPort} gives.
   */
  @Test
  void eachCloudsKafkaPortIsNamedAlikeEverywhere() {
    Map<String, Integer> ports = Map.of("aws", 9096, "gcp", 9092, "azure", 9093, "any", 9093);
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, AsyncApiPlans.sampleText(SAMPLE),
          e.getKey(), e.getKey(), Map.of("messaging", "kafka", "architecture-style", "microservices")).plan()), RENDERER);
      String port = String.valueOf(e.getValue());
      assertThat(file(all, "deploy/k8s/base/inventory/configmap.yaml")).as(e.getKey())
          .contains("kafka.internal.example:" + port);
      assertThat(file(all, "deploy/k8s/base/inventory/networkpolicy.yaml")).as(e.getKey()).contains("port: " + port);
      assertThat(file(all, "api/asyncapi.yaml")).as(e.getKey()).contains("kafka.internal.example:" + port);
      assertThat(file(all, "infra/README.md")).as(e.getKey())
          .contains("| `kafka.internal.example` | " + port + " | broker | kafka |");
      assertThat(new BrokerEndpoint().validate(all)).as(e.getKey()).isEmpty();
    }
    List<Artifact> aws = PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, AsyncApiPlans.sampleText(SAMPLE),
        "aws", "aws", Map.of("messaging", "kafka", "architecture-style", "microservices")).plan()), RENDERER);
    assertThat(file(aws, "infra/modules/broker/main.tf")).contains("from_port   = 9096", "to_port     = 9096");
    String mtlsText = AsyncApiPlans.sampleText(SAMPLE).replace("authentication: oidc", "authentication: mtls");
    List<Artifact> mtls = PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, mtlsText, "aws-mtls", "aws",
        Map.of("messaging", "kafka", "architecture-style", "microservices")).plan()), RENDERER);
    assertThat(file(mtls, "deploy/k8s/base/inventory/configmap.yaml")).contains("kafka.internal.example:9094");
  }

  /**
   * Event Hubs' Kafka endpoint takes SASL PLAIN (a connection string) or OAUTHBEARER, never SCRAM, and
   * Google Cloud's Managed Kafka PLAIN (a service account's email and key) or OAUTHBEARER: on azure and
   * gcp the configuration, the managed-container descriptors, their KEDA scale rules and AsyncAPI all
   * say PLAIN (also under mtls); elsewhere SCRAM-SHA-512. On gcp each Kafka client's account may log
   * in (roles/managedkafka.client). A service naming another mechanism than the document's scheme is
   * caught, in the cluster and in a descriptor.
   */
  @ParameterizedTest
  @CsvSource({"azure, Event Hubs", "gcp, Google Cloud Managed Service for Apache Kafka"})
  void eachCloudsKafkaMechanismIsNamedAlikeEverywhere(String cloud, String offering) {
    Map<String, String> kafka = Map.of("messaging", "kafka", "architecture-style", "microservices");
    for (String text : List.of(AsyncApiPlans.sampleText(SAMPLE),
        AsyncApiPlans.sampleText(SAMPLE).replace("authentication: oidc", "authentication: mtls"))) {
      List<Artifact> azure = PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, text, cloud, cloud, kafka)
          .plan()), RENDERER);
      assertThat(file(azure, "deploy/k8s/base/inventory/configmap.yaml")).contains("\"KAFKA_SASL_MECHANISM\": \"PLAIN\"")
          .doesNotContain("SCRAM");
      assertThat(file(azure, "api/asyncapi.yaml")).contains("type: plain", offering).doesNotContain("scram");
      if (cloud.equals("gcp")) {
        assertThat(file(azure, "infra/modules/identity/main.tf")).contains("role     = \"roles/managedkafka.client\"")
            .containsPattern("for_each = toset\\(\\[[^]]*\"inventory\"");
      }
      assertThat(new BrokerEndpoint().validate(azure)).isEmpty();
      assertThat(broken(azure, "deploy/k8s/base/inventory/configmap.yaml",
          t -> t.replace("\"KAFKA_SASL_MECHANISM\": \"PLAIN\"", "\"KAFKA_SASL_MECHANISM\": \"SCRAM-SHA-512\"")))
          .singleElement().satisfies(f -> assertThat(f.message()).contains("SCRAM-SHA-512", "SASL PLAIN"));
    }
    List<Artifact> containers = PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, AsyncApiPlans.sampleText(SAMPLE),
        "azure-containers", "azure", Map.of("messaging", "kafka", "architecture-style", "microservices", "deployment",
            "managed-containers")).plan()), RENDERER);
    String app = "deploy/containerapps/inventory.containerapp.yaml";
    assertThat(new BrokerEndpoint().validate(containers)).isEmpty();
    // KEDA's Kafka scale rules (functions on Container Apps) log in as the services do
    assertThat(KafkaAuth.keda(KafkaAuth.PLAIN.mechanism())).isEqualTo("plaintext");
    assertThat(KafkaAuth.keda(KafkaAuth.SCRAM.mechanism())).isEqualTo("scram_sha512");
    assertThat(KafkaAuth.keda(KafkaAuth.MTLS.mechanism())).isEqualTo("none");
    List<Artifact> aws = artifacts("kafka", kafka);
    assertThat(file(aws, "deploy/k8s/base/inventory/configmap.yaml")).contains("SCRAM-SHA-512");
    assertThat(file(aws, "api/asyncapi.yaml")).contains("type: scramSha512");
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path)).content();
  }
}
