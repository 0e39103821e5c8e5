package dev.archforge.deliverable.asyncapi;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.deliverable.asyncapi.AsyncApiPlans.Named;
import dev.archforge.deliverable.asyncapi.AsyncApiValidator;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the document says about events: payloads, operations, headers; and when there is one. */
class AsyncApiDeliverableTest {
  private static final AsyncApiValidator VALIDATOR = new AsyncApiValidator();

  static Stream<Named> plans() {
    return Stream.concat(AsyncApiPlans.publishingSamples().stream(), AsyncApiPlans.messagingVariants().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyEventFieldIsInThePayloadWithItsType(Named named) {
    JsonNode doc = document(named.plan());
    for (Event event : dev.archforge.facts.messaging.MessageRoutes.published(named.plan().requirements())) {
      JsonNode schema = doc.at("/components/schemas/" + event.name() + "Payload");
      assertThat(doc.at("/components/messages/" + event.name() + "/payload/$ref").asText())
          .isEqualTo("#/components/schemas/" + event.name() + "Payload");
      assertThat(schema.path("type").asText()).isEqualTo("object");
      assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
      assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
      List<String> names = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(names::add);
      assertThat(names).as(event.name()).containsExactlyElementsOf(event.fields().stream().map(Field::name).toList());
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      assertThat(required).as(event.name()).containsExactlyElementsOf(event.fields().stream()
          .filter(f -> f.required() || f.defaultValue() != null).map(Field::name).toList());
      for (Field f : event.fields()) {
        JsonNode p = schema.path("properties").path(f.name());
        String[] expected = typeAndFormat(f);
        assertThat(p.path("type").asText()).as(event.name() + "." + f.name()).isEqualTo(expected[0]);
        assertThat(p.path("format").isMissingNode() ? null : p.path("format").asText())
            .as(event.name() + "." + f.name() + " format").isEqualTo(expected[1]);
        if (!f.values().isEmpty()) {
          List<String> values = new ArrayList<>();
          p.path("enum").forEach(v -> values.add(v.asText()));
          assertThat(values).containsExactlyElementsOf(f.values());
        }
        if (f.maxLength() != null) {
          assertThat(p.path("maxLength").asInt()).isEqualTo(f.maxLength());
        }
      }
    }
  }

  /** Written here from the spec's field types, not taken from the code under test. */
  private static String[] typeAndFormat(Field f) {
    return switch (f.type()) {
      case STRING, TEXT, ENUM -> new String[] {"string", null};
      case INTEGER -> new String[] {"integer", "int32"};
      case LONG -> new String[] {"integer", "int64"};
      case DECIMAL -> new String[] {"string", "decimal"};
      case BOOLEAN -> new String[] {"boolean", null};
      case DATE -> new String[] {"string", "date"};
      case DATETIME -> new String[] {"string", "date-time"};
      case UUID -> new String[] {"string", "uuid"};
      case EMAIL -> new String[] {"string", "email"};
      case URL -> new String[] {"string", "uri"};
      case JSON -> new String[] {"object", null};
      case BYTES -> new String[] {"string", "byte"};
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void eachPublisherSendsAndEachConsumerReceives(Named named) {
    Requirements r = named.plan().requirements();
    JsonNode operations = document(named.plan()).path("operations");
    int expected = 0;
    for (Event event : dev.archforge.facts.messaging.MessageRoutes.published(r)) {
      List<Service> publishers = r.services().stream().filter(s -> s.publishes().contains(event.name())).toList();
      List<Service> consumers = r.services().stream().filter(s -> s.consumes().contains(event.name())).toList();
      for (Service p : publishers) {
        String channel = "#/channels/" + p.name() + "." + event.name();
        assertOperation(operations, p.name() + ".send" + event.name(), "send", channel, event);
        for (Service c : consumers) {
          String suffix = publishers.size() > 1 ? "From" + dev.archforge.facts.Naming.pascal(p.name()) : "";
          assertOperation(operations, c.name() + ".receive" + event.name() + suffix, "receive", channel, event);
        }
        expected += 1 + consumers.size();
      }
    }
    assertThat(operations.size()).isEqualTo(expected);
  }

  private static void assertOperation(JsonNode operations, String id, String action, String channel, Event event) {
    JsonNode op = operations.path(id);
    assertThat(op.isObject()).as("operation " + id).isTrue();
    assertThat(op.path("action").asText()).as(id).isEqualTo(action);
    assertThat(op.at("/channel/$ref").asText()).as(id).isEqualTo(channel);
    assertThat(op.at("/messages/0/$ref").asText()).as(id).isEqualTo(channel + "/messages/" + event.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyMessageCarriesTheTracingAndIdempotencyHeaders(Named named) {
    JsonNode doc = document(named.plan());
    JsonNode headers = doc.at("/components/schemas/MessageHeaders");
    assertThat(headers.path("properties").has("traceparent")).isTrue();
    for (String h : List.of("traceparent", "tracestate", "message-id", "correlation-id", "event-type",
        "schema-version", "occurred-at")) {
      assertThat(headers.path("properties").has(h)).as(h).isTrue();
    }
    assertThat(headers.path("required").toString()).contains("message-id", "event-type", "schema-version",
        "occurred-at");
    assertThat(doc.at("/components/correlationIds/correlationId/location").asText())
        .isEqualTo("$message.header#/correlation-id");
    doc.at("/components/messages").forEach(m -> {
      assertThat(m.at("/headers/$ref").asText()).isEqualTo("#/components/schemas/MessageHeaders");
      assertThat(m.at("/correlationId/$ref").asText()).isEqualTo("#/components/correlationIds/correlationId");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theDescriptionStatesTheDeliveryGuarantees(Named named) {
    String text = document(named.plan()).at("/info/description").asText();
    assertThat(text).contains("at least once", "idempotent by message id", "`message-id`", "Ordering:");
    String consistency = named.plan().choice("consistency");
    if (!named.plan().chose("messaging", "none") && (consistency.equals("outbox") || consistency.equals("saga"))) {
      assertThat(text).contains("outbox table");
    }
    if (consistency.equals("saga") && !named.plan().chose("messaging", "none")) {
      assertThat(text).contains("Sagas advance on these events");
    }
  }

  @Test
  void aServiceWithoutEventsHasNoDocument() {
    Plan minimal = AsyncApiPlans.plan("minimal.yaml", AsyncApiPlans.sampleText("minimal.yaml"));
    assertThat(new AsyncApiDeliverable().supports(Facts.of(minimal))).isFalse();
    String consumedOnly = AsyncApiPlans.sampleText("ecommerce.yaml")
        .replace("    publishes: [ProductPriceChanged]\n", "    publishes: []\n")
        .replace("    publishes: [OrderPlaced]\n", "");
    assertThat(new AsyncApiDeliverable().supports(Facts.of(AsyncApiPlans.plan("ecommerce.yaml", consumedOnly)))).isFalse();
    assertThat(new AsyncApiDeliverable().id()).isEqualTo("asyncapi");
  }

  @Test
  void anEventWithTwoPublishersHasAChannelEach() {
    String text = AsyncApiPlans.sampleText("ecommerce.yaml")
        .replace("    publishes: [ProductPriceChanged]\n", "    publishes: [ProductPriceChanged, OrderPlaced]\n");
    Plan plan = AsyncApiPlans.plan("ecommerce.yaml", text);
    JsonNode doc = document(plan);

    assertThat(doc.at("/channels/catalog.OrderPlaced/address").asText()).isEqualTo("shop.catalog.order-placed.v1");
    assertThat(doc.at("/channels/orders.OrderPlaced/address").asText()).isEqualTo("shop.orders.order-placed.v1");
    assertThat(doc.path("operations").has("inventory.receiveOrderPlacedFromCatalog")).isTrue();
    assertThat(doc.path("operations").has("inventory.receiveOrderPlacedFromOrders")).isTrue();
    assertThat(VALIDATOR.validate(AsyncApiPlans.render(plan))).isEmpty();
  }

  @Test
  void warningsNameWhatTheDocumentCannotSay() {
    String text = AsyncApiPlans.sampleText("ecommerce.yaml")
        .replace("    consumes: [OrderPlaced]\n", "    consumes: [OrderPlaced, ProductPriceChanged]\n")
        .replace("    publishes: [ProductPriceChanged]\n", "    publishes: []\n")
        .replace("      orderId: { type: uuid, required: true }\n",
            "      orderId: { type: uuid, required: true }\n"
                + "      voucher: { type: string, maxLength: 20, secret: true }\n");
    Plan plan = AsyncApiPlans.plan("ecommerce.yaml", text);

    assertThat(new AsyncApiDeliverable().warnings(Facts.of(plan))).containsExactly(
        "asyncapi: service 'inventory' consumes ProductPriceChanged, which no service publishes: "
            + "api/asyncapi.yaml has no channel for it.",
        "asyncapi: event OrderPlaced carries the secret field 'voucher' in every message; consider sending a "
            + "reference to it instead.");
    JsonNode voucher = document(plan).at("/components/schemas/OrderPlacedPayload/properties/voucher");
    assertThat(voucher.path("description").asText()).contains("Secret: never written to logs");
    assertThat(voucher.has("writeOnly")).isFalse();
    assertThat(VALIDATOR.validate(AsyncApiPlans.render(plan))).isEmpty();
  }

  @Test
  void textFromTheRequirementsCannotBreakTheDocument() {
    String text = AsyncApiPlans.sampleText("ecommerce.yaml").replace(
        "    description: An order was placed and awaits payment.\n",
        "    description: \"Placed: \\\"quoted\\\" # not a comment\\nsecond line {{ x }} ${y} 'q' \\\\ é ✓\"\n");
    Plan plan = AsyncApiPlans.plan("ecommerce.yaml", text);

    JsonNode doc = document(plan);

    assertThat(doc.at("/components/messages/OrderPlaced/summary").asText())
        .isEqualTo("Placed: \"quoted\" # not a comment\nsecond line {{ x }} ${y} 'q' \\ é ✓.");
    assertThat(VALIDATOR.validate(AsyncApiPlans.render(plan))).isEmpty();
  }

  @Test
  void theKafkaKeyIsTheAggregateId() {
    Plan saas = AsyncApiPlans.variant("saas-projects.yaml", AsyncApiPlans.sampleText("saas-projects.yaml"), "kafka",
        null, Map.of("messaging", "kafka")).plan();
    JsonNode key = document(saas).at("/components/messages/TaskAssigned/bindings/kafka/key");

    assertThat(key.path("format").asText()).isEqualTo("uuid");
    assertThat(key.path("description").asText()).contains("taskId");
    Plan iot = AsyncApiPlans.plan("iot-telemetry.yaml", AsyncApiPlans.sampleText("iot-telemetry.yaml"));
    assertThat(document(iot).at("/components/messages/ReadingReceived/description").asText())
        .contains("Ordering key: `deviceId`");
  }

  static JsonNode document(Plan plan) {
    return AsyncApiPlans.tree(AsyncApiPlans.render(plan).content());
  }
}
