package dev.archforge.deliverable.asyncapi;

import dev.archforge.facts.api.PropertyView;
import java.util.List;

/**
 * The message of one event under {@code components/messages}, with its payload schema.
 *
 * @param name the event name, also the key under {@code components/messages}
 * @param payload the schema of the body
 * @param kafkaKey Kafka only: the schema of the record key (the ordering key), or null when
 *     records are not keyed
 * @param amqp whether to write the AMQP message binding (RabbitMQ)
 * @param example header values of the message's example, or null when no example satisfies the
 *     payload's constraints
 */
public record MessageView(
    String name,
    String title,
    String summary,
    String description,
    PayloadView payload,
    PropertyView kafkaKey,
    boolean amqp,
    ExampleHeadersView example) {

  /** The example's headers that differ per message. */
  public record ExampleHeadersView(String messageId, String correlationId) {}

  /**
   * The payload schema {@code <Event>Payload}: the event's fields in the order of the
   * requirements, closed to unknown properties.
   */
  public record PayloadView(String name, String description, List<PropertyView> properties,
      List<String> required) {
    public PayloadView {
      properties = List.copyOf(properties);
      required = List.copyOf(required);
    }
  }
}
