package dev.archforge.deliverable.containers;

import static dev.archforge.deliverable.containers.ManagedContainersDeliverableTest.ecommerce;
import static dev.archforge.deliverable.containers.ManagedContainersDeliverableTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deployment: serverless writes the function configuration: an AWS SAM template on aws, checked
 * against the CloudFormation resource specification, and per-request Cloud Run services or Azure
 * Functions on Container Apps elsewhere; a broken template is rejected.
 */
class ServerlessDeliverableTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final ServerlessDeliverable DELIVERABLE = new ServerlessDeliverable();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String TEMPLATE = "deploy/sam/template.yaml";

  private static List<Artifact> render(Plan plan) {
    return DELIVERABLE.contribute(Facts.of(plan), RENDERER);
  }

  private static List<String> findings(Artifact a) {
    return new SamValidator().validate(a).stream().map(Finding::message).toList();
  }

  private static Artifact broken(Artifact a, String from, String to) {
    assertThat(a.content()).contains(from);
    return new Artifact(a.path(), a.content().replace(from, to), a.kind());
  }

  @Test
  void onAwsEachDeployableIsAnImageFunctionWithItsCapacityItsSecretAndItsTopics() throws IOException {
    Plan plan = ecommerce("aws", "serverless");
    assertThat(DELIVERABLE.supports(Facts.of(plan))).isTrue();
    assertThat(new ManagedContainersDeliverable().supports(Facts.of(plan))).isFalse();
    List<Artifact> artifacts = render(plan);
    assertThat(artifacts).extracting(Artifact::path).containsExactly(TEMPLATE, "deploy/sam/README.md");
    Artifact template = file(artifacts, TEMPLATE);
    assertThat(DELIVERABLE.kindOf(TEMPLATE)).contains(template.kind());
    assertThat(findings(template)).isEmpty();
    JsonNode resources = YAML.readTree(template.content()).path("Resources");
    JsonNode orders = resources.at("/OrdersFunction/Properties");
    ServiceSizing sizing = plan.capacity().service("orders").orElseThrow();
    assertThat(orders.path("PackageType").asText()).isEqualTo("Image");
    assertThat(orders.path("ImageUri").asText()).isEqualTo("111122223333.dkr.ecr."
        + plan.cells().primaryRegion().orElseThrow() + ".amazonaws.com/shop/orders:0.1.0");
    assertThat(orders.at("/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions").asInt())
        .isEqualTo(sizing.hpaMin());
    assertThat(orders.path("ReservedConcurrentExecutions").asInt()).isEqualTo(Math.max(sizing.hpaMin(),
        2 * (int) Math.ceil(sizing.rps() * plan.requirements().scale().latencyP99Ms() / 1000.0)));
    assertThat(orders.at("/Events/Api/Type").asText()).isEqualTo("HttpApi");
    assertThat(orders.at("/Environment/Variables").toString()).doesNotContain("PASSWORD\":")
        .contains("\"SECRETS_ARN\":\"arn:aws:secretsmanager:");
    assertThat(orders.at("/Policies/0/Statement/0/Resource").asText()).endsWith(":secret:shop/orders-*");
    // inventory is internal: no API event; its callers may invoke it, nobody else
    assertThat(resources.at("/InventoryFunction/Properties").has("Events")).isFalse();
    JsonNode catalog = resources.at("/CatalogFunction/Properties");
    assertThat(catalog.at("/Environment/Variables/INVENTORY_ADDRESS").asText())
        .endsWith(":function:shop-inventory:live");
    assertThat(catalog.path("Policies").toString()).contains("lambda:InvokeFunction", ":function:shop-inventory:live");
    assertThat(orders.path("Policies").toString()).doesNotContain(":function:shop-inventory");
    assertThat(orders.at("/Environment/Variables/DB_POOL_SIZE").asText()).isEqualTo("1");
    // each consumed Kafka topic is an event source mapping from MSK with the consumer's group
    List<JsonNode> mappings = resources.findParents("Type").stream()
        .filter(n -> n.path("Type").asText().equals("AWS::Lambda::EventSourceMapping")).toList();
    assertThat(mappings).isNotEmpty().allSatisfy(m -> {
      assertThat(m.at("/Properties/EventSourceArn").asText()).startsWith("arn:aws:kafka:");
      assertThat(m.at("/Properties/Topics")).hasSize(1);
      assertThat(m.at("/Properties/AmazonManagedKafkaEventSourceConfig/ConsumerGroupId").asText()).startsWith("shop.");
    });
  }

  @Test
  void sqsAndRabbitMqConsumersGetTheirQueuesAsEventSources() {
    JsonNode sqs = resources(ecommerceWith("cloud-pubsub"));
    assertThat(sqs.toString()).contains("\"EventSourceArn\":\"arn:aws:sqs:").contains("ReportBatchItemFailures");
    JsonNode mq = resources(ecommerceWith("rabbitmq"));
    assertThat(mq.toString()).contains("\"EventSourceArn\":\"arn:aws:mq:").contains("\"Queues\":[\"shop.");
  }

  private static Plan ecommerceWith(String messaging) {
    try {
      String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("samples/ecommerce.yaml"))
          .replace("  messaging: kafka\n", "  messaging: " + messaging + "\n")
          .replace("decisions:                      # optional: the user's word on a topic beats the drafted one\n",
              "decisions:\n  architecture-style: microservices\n  deployment: serverless\n");
      return dev.archforge.testing.SamplePlans.plan(new dev.archforge.load.RequirementsLoader()
          .load("ecommerce.yaml", yaml).requirements().orElseThrow());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode resources(Plan plan) {
    Artifact template = file(render(plan), TEMPLATE);
    assertThat(findings(template)).isEmpty();
    try {
      return YAML.readTree(template.content()).path("Resources");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aBrokenSamTemplateIsRejectedByTheResourceSpecification() throws IOException {
    Artifact t = file(render(ecommerce("aws", "serverless")), TEMPLATE);
    assertThat(findings(broken(t, "      Timeout: 30\n", "      Timeout: 30\n      Cpus: 2\n")))
        .anySatisfy(m -> assertThat(m).isEqualTo("`Cpus` is not a property of Function"));
    assertThat(findings(broken(t, "      Timeout: 30\n", "      Timeout: thirty\n")))
        .anySatisfy(m -> assertThat(m).startsWith("must be an integer"));
    assertThat(findings(broken(t, "      Timeout: 30\n", "      Timeout: 3000\n")))
        .anySatisfy(m -> assertThat(m).isEqualTo("Timeout 3000 is outside 1 to 900"));
    assertThat(findings(broken(t, "          Type: HttpApi\n", "          Type: Carrier\n")))
        .anySatisfy(m -> assertThat(m).startsWith("`Carrier` is not an event source type"));
    assertThat(findings(broken(t, "            Method: ANY\n", "            Method: ANY\n            Verb: GET\n")))
        .anySatisfy(m -> assertThat(m).isEqualTo("`Verb` is not a property of Function.HttpApiEvent"));
    assertThat(findings(broken(t, "      PackageType: Image\n", "      PackageType: Image\n      Runtime: java21\n")))
        .anySatisfy(m -> assertThat(m).contains("belongs to a .zip package"));
    assertThat(findings(broken(t, "                - secretsmanager:GetSecretValue\n", "                - \"*\"\n")))
        .anySatisfy(m -> assertThat(m).startsWith("least privilege"));
    assertThat(findings(broken(t, "      StartingPosition: TRIM_HORIZON\n", "      StartingPosition: OLDEST\n")))
        .anySatisfy(m -> assertThat(m).startsWith("`OLDEST` is not a starting position"));
    assertThat(findings(broken(t, "    Type: AWS::Lambda::EventSourceMapping\n", "    Type: AWS::Lambda::Mapping\n")))
        .anySatisfy(m -> assertThat(m).startsWith("`AWS::Lambda::Mapping` is not a resource type"));
    assertThat(new SamValidator().validate(broken(t, "      MemorySize: ", "      MemorySize: [")))
        .singleElement().satisfies(f -> assertThat(f.message()).startsWith("not YAML"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gcp", "azure", "any"})
  void elsewhereFunctionsRunOnTheCloudsOwnServerlessContainers(String cloud) throws IOException {
    List<Artifact> artifacts = render(ecommerce(cloud, "serverless"));
    String dir = cloud.equals("azure") ? "deploy/containerapps/" : "deploy/cloudrun/";
    assertThat(artifacts).extracting(Artifact::path).allMatch(p -> p.startsWith(dir)).contains(dir + "README.md");
    assertThat(artifacts).filteredOn(a -> !a.path().endsWith(".md")).hasSize(3).allSatisfy(a ->
        assertThat(ManagedContainersDeliverableTest.validate(a)).as(a.path()).isEmpty());
    assertThat(file(artifacts, dir + "README.md").content()).contains("deployment is `serverless`", "Serverless here");
  }
}
