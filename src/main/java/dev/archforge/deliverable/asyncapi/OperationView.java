package dev.archforge.deliverable.asyncapi;

/**
 * A service sending or receiving the message of one channel.
 *
 * @param id the key under {@code operations}: {@code <service>.send<Event>} or
 *     {@code <service>.receive<Event>}
 * @param action {@code send} or {@code receive}
 * @param kafkaClientId Kafka only: the client id the service uses, else null
 * @param kafkaGroupId Kafka receive only: the consumer group, else null
 * @param amqp whether to write the AMQP operation binding (RabbitMQ)
 * @param queue receive only: the consumer's queue or subscription ({@code x-queue}), else null
 * @param deadLetter receive only: where the consumer parks what it cannot process
 *     ({@code x-dead-letter}), else null
 * @param triggeredBy send only: the ids of the API operations whose success publishes the message
 *     ({@code x-triggered-by}), empty when no domain operation names it
 */
public record OperationView(
    String id,
    String action,
    String channelId,
    String messageName,
    String title,
    String summary,
    String description,
    String kafkaClientId,
    String kafkaGroupId,
    boolean amqp,
    String queue,
    String deadLetter,
    java.util.List<String> triggeredBy) {

  public OperationView {
    triggeredBy = triggeredBy == null ? java.util.List.of() : java.util.List.copyOf(triggeredBy);
  }
}
