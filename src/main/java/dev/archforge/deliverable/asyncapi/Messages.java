package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.asyncapi.MessageView.ExampleHeadersView;
import dev.archforge.deliverable.asyncapi.MessageView.PayloadView;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.facts.api.PropertyView;
import dev.archforge.facts.messaging.Transport;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Plan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The message of each event: its payload schema, its ordering key (the Kafka record key) and an
 * example whose values satisfy the schema.
 */
final class Messages {
  private final Transport transport;
  private final EventPayloads payloads;

  Messages(Plan plan, Transport transport) {
    this.transport = transport;
    this.payloads = new EventPayloads(plan);
  }

  MessageView message(Event event, List<String> publishers, List<String> consumers) {
    PayloadView payload = payloads.payload(event);
    Optional<Field> key = orderingKey(event);
    String summary = event.description() == null || event.description().isBlank()
        ? "The " + Naming.prose(event.name()) + " event." : Sentences.sentence(event.description());
    String description = "Sent by " + names(publishers) + "; received by "
        + (consumers.isEmpty() ? "no service yet" : names(consumers)) + ". "
        + key.map(f -> "Ordering key: `" + f.name() + "`.")
            .orElse("No field identifies what the event is about, so it has no ordering key.");
    PropertyView kafkaKey = transport == Transport.KAFKA
        ? key.map(f -> keySchema(payload, f)).orElse(null) : null;
    ExampleHeadersView example = exampleComplete(payload)
        ? new ExampleHeadersView(uuid("message:" + event.name()), uuid("correlation:" + event.name())) : null;
    return new MessageView(event.name(), Sentences.capitalized(Naming.prose(event.name())), summary, description,
        payload, kafkaKey, transport == Transport.RABBITMQ, example);
  }

  /**
   * The field events are ordered by, usually the id of the aggregate the event is about: the uuid
   * field named after the event's first word ({@code taskId} of {@code TaskAssigned}), else the
   * first required uuid field, else the first uuid field, else the first required field named
   * {@code ...Id}. Empty when there is none.
   */
  static Optional<Field> orderingKey(Event event) {
    List<Field> fields = event.fields();
    String aggregateId = Naming.words(event.name()).get(0) + "Id";
    return fields.stream().filter(f -> f.type() == FieldType.UUID && f.name().equals(aggregateId)).findFirst()
        .or(() -> fields.stream().filter(f -> f.type() == FieldType.UUID && f.required()).findFirst())
        .or(() -> fields.stream().filter(f -> f.type() == FieldType.UUID).findFirst())
        .or(() -> fields.stream().filter(f -> f.required() && f.name().endsWith("Id")
            && (f.type() == FieldType.LONG || f.type() == FieldType.INTEGER || f.type() == FieldType.STRING))
            .findFirst());
  }

  /** Whether every required property has an example, so that an example message is valid. */
  static boolean exampleComplete(PayloadView payload) {
    return payload.properties().stream().filter(p -> payload.required().contains(p.name()))
        .allMatch(p -> p.example() != null);
  }

  private static PropertyView keySchema(PayloadView payload, Field key) {
    PropertyView p = payload.properties().stream().filter(x -> x.name().equals(key.name())).findFirst()
        .orElseThrow();
    String text = "The record key: the event's " + key.name() + ", so that the events about one "
        + Naming.prose(key.name().endsWith("Id") ? key.name().substring(0, key.name().length() - 2) : key.name())
        + " share a partition and stay in order." + (key.required() ? "" : " Events without one have no key.");
    return new PropertyView(p.name(), p.type(), p.format(), text, p.minLength(), p.maxLength(), p.pattern(),
        p.minimum(), p.maximum(), p.enumValues(), null, p.example(), false, false, false, null, null, false);
  }

  private static String names(List<String> services) {
    return String.join(", ", services.stream().map(s -> "`" + s + "`").toList());
  }

  /** A stable name-based UUID, so that examples are the same on every run. */
  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(("archforge:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
