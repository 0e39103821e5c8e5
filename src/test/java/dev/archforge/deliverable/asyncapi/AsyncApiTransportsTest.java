package dev.archforge.deliverable.asyncapi;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.deliverable.asyncapi.AsyncApiValidator;
import dev.archforge.model.Plan;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The e-commerce sample (orders publishes OrderPlaced, inventory consumes it) under each messaging
 * choice: servers, channel addresses and bindings, operation bindings and security schemes.
 */
class AsyncApiTransportsTest {
  private static final AsyncApiValidator VALIDATOR = new AsyncApiValidator();
  private static final String SAMPLE = "ecommerce.yaml";

  private static Plan plan(String cloud, Map<String, String> decisions) {
    return AsyncApiPlans.variant(SAMPLE, AsyncApiPlans.sampleText(SAMPLE), "test", cloud, decisions).plan();
  }

  private static JsonNode document(Plan plan) {
    assertThat(VALIDATOR.validate(AsyncApiPlans.render(plan))).isEmpty();
    return AsyncApiDeliverableTest.document(plan);
  }

  @Test
  void kafkaTopicsArePerPublisherAndEventWithPartitionsFromCapacity() {
    Plan plan = plan(null, Map.of("messaging", "kafka"));
    JsonNode doc = document(plan);

    assertThat(doc.at("/servers/kafka/protocol").asText()).isEqualTo("kafka-secure");
    assertThat(doc.at("/servers/kafka/security/0/$ref").asText()).isEqualTo("#/components/securitySchemes/kafkaScram");
    assertThat(doc.at("/components/securitySchemes/kafkaScram/type").asText()).isEqualTo("scramSha512");
    JsonNode channel = doc.at("/channels/orders.OrderPlaced");
    assertThat(channel.path("address").asText()).isEqualTo("shop.orders.order-placed.v1");
    assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo("shop.orders.order-placed.v1");
    assertThat(channel.at("/bindings/kafka/partitions").asInt())
        .isEqualTo((int) plan.capacity().figure("partitions.OrderPlaced").orElseThrow().value());
    assertThat(channel.at("/bindings/kafka/replicas").asInt()).isEqualTo(3);
    assertThat(doc.at("/components/messages/OrderPlaced/bindings/kafka/key/format").asText()).isEqualTo("uuid");
    assertThat(doc.at("/operations/inventory.receiveOrderPlaced/bindings/kafka/groupId/enum/0").asText())
        .isEqualTo("shop.inventory");
    assertThat(doc.at("/operations/orders.sendOrderPlaced/bindings/kafka/clientId/enum/0").asText())
        .isEqualTo("shop-orders");
    assertThat(doc.at("/info/description").asText()).contains("`shop.<service>.<event>.v1`");
  }

  @Test
  void mutualTlsAuthenticationGivesCertificateSchemes() {
    String text = AsyncApiPlans.sampleText(SAMPLE).replaceFirst("(?m)^  authentication: oidc.*$",
        "  authentication: mtls");
    JsonNode kafka = document(AsyncApiPlans.variant(SAMPLE, text, "mtls", null, Map.of("messaging", "kafka")).plan());
    JsonNode rabbit = document(AsyncApiPlans.variant(SAMPLE, text, "mtls", null, Map.of("messaging", "rabbitmq"))
        .plan());

    assertThat(kafka.at("/components/securitySchemes/kafkaMtls/type").asText()).isEqualTo("X509");
    assertThat(rabbit.at("/components/securitySchemes/amqpMtls/type").asText()).isEqualTo("X509");
  }

  @Test
  void rabbitMqHasAnExchangePerPublisherAndARoutingKeyPerEvent() {
    JsonNode doc = document(plan(null, Map.of("messaging", "rabbitmq")));

    assertThat(doc.at("/servers/rabbitmq/protocol").asText()).isEqualTo("amqps");
    assertThat(doc.at("/components/securitySchemes/amqpUserPassword/type").asText()).isEqualTo("userPassword");
    JsonNode channel = doc.at("/channels/orders.OrderPlaced");
    assertThat(channel.path("address").asText()).isEqualTo("order-placed.v1");
    assertThat(channel.at("/bindings/amqp/is").asText()).isEqualTo("routingKey");
    assertThat(channel.at("/bindings/amqp/exchange/name").asText()).isEqualTo("shop.orders");
    assertThat(channel.at("/bindings/amqp/exchange/type").asText()).isEqualTo("topic");
    assertThat(channel.at("/bindings/amqp/exchange/durable").asBoolean()).isTrue();
    assertThat(doc.at("/operations/orders.sendOrderPlaced/bindings/amqp/deliveryMode").asInt()).isEqualTo(2);
    assertThat(doc.at("/operations/inventory.receiveOrderPlaced/bindings/amqp/ack").asBoolean()).isTrue();
    assertThat(doc.at("/operations/inventory.receiveOrderPlaced/summary").asText()).contains("`shop.inventory`");
    assertThat(doc.at("/components/messages/OrderPlaced/bindings/kafka").isMissingNode()).isTrue();
  }

  @Test
  void googlePubSubUsesServiceAccountTokens() {
    JsonNode doc = document(plan("gcp", Map.of("messaging", "cloud-pubsub")));

    assertThat(doc.at("/servers/googlePubSub/protocol").asText()).isEqualTo("googlepubsub");
    JsonNode scheme = doc.at("/components/securitySchemes/googleServiceAccount");
    assertThat(scheme.path("type").asText()).isEqualTo("oauth2");
    assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asText())
        .isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(scheme.at("/scopes/0").asText()).isEqualTo("https://www.googleapis.com/auth/pubsub");
    assertThat(doc.at("/channels/orders.OrderPlaced/address").asText()).isEqualTo("shop.orders.order-placed.v1");
  }

  @Test
  void awsUsesSnsTopicsAndSqsQueues() {
    JsonNode doc = document(plan("aws", Map.of("messaging", "cloud-pubsub")));

    assertThat(doc.at("/servers/sns/protocol").asText()).isEqualTo("sns");
    assertThat(doc.at("/servers/sqs/protocol").asText()).isEqualTo("sqs");
    assertThat(doc.at("/servers/sns/host").asText()).isEqualTo("sns.{region}.amazonaws.com");
    assertThat(doc.at("/servers/sns/variables/region/default").asText()).isEqualTo("us-east-1"); // the home cell's primary region (blueprint regions.home: us)
    assertThat(doc.at("/channels/orders.OrderPlaced/address").asText()).isEqualTo("shop-orders-order-placed-v1");
    assertThat(doc.at("/operations/inventory.receiveOrderPlaced/summary").asText()).contains("`shop-inventory`");
  }

  @Test
  void azureUsesServiceBus() {
    JsonNode doc = document(plan("azure", Map.of("messaging", "cloud-pubsub")));

    assertThat(doc.at("/servers/serviceBus/host").asText()).isEqualTo("shop.servicebus.windows.net");
    assertThat(doc.at("/servers/serviceBus/protocolVersion").asText()).isEqualTo("1.0");
  }

  @Test
  void pubSubWithoutACloudHasNoServersAndSaysSo() {
    Plan plan = plan("any", Map.of("messaging", "cloud-pubsub"));
    JsonNode doc = document(plan);

    assertThat(doc.has("servers")).isFalse();
    assertThat(doc.at("/info/description").asText()).contains("no servers");
    assertThat(new AsyncApiDeliverable().warnings(Facts.of(plan)))
        .containsExactly("asyncapi: messaging is cloud-pubsub but project.cloud is any: api/asyncapi.yaml names no "
            + "servers.");
  }

  @Test
  void inProcessEventsOfAMonolithAreStillDocumented() {
    Map<String, String> monolith = new LinkedHashMap<>();
    monolith.put("messaging", "none");
    monolith.put("architecture-style", "modular-monolith");
    JsonNode doc = document(plan(null, monolith));

    assertThat(doc.has("servers")).isFalse();
    assertThat(doc.at("/components/securitySchemes").isMissingNode()).isTrue();
    assertThat(doc.at("/channels/orders.OrderPlaced/address").asText()).isEqualTo("OrderPlaced");
    assertThat(doc.at("/channels/orders.OrderPlaced/bindings").isMissingNode()).isTrue();
    assertThat(doc.at("/operations/orders.sendOrderPlaced/bindings").isMissingNode()).isTrue();
    assertThat(doc.at("/operations/inventory.receiveOrderPlaced/action").asText()).isEqualTo("receive");
    assertThat(doc.at("/info/description").asText()).contains("in-process", "no servers", "event publication table");
  }

  @Test
  void withoutAnOutboxTheDescriptionSaysWhatCanBeLost() {
    JsonNode doc = document(plan(null, Map.of("messaging", "kafka", "consistency", "local-transactions")));

    assertThat(doc.at("/info/description").asText()).contains("loses the event", "outbox would close that gap");
  }
}
