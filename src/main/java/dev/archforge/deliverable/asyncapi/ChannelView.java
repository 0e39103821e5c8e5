package dev.archforge.deliverable.asyncapi;

/**
 * The channel one publisher sends one event on.
 *
 * @param id the key under {@code channels}: {@code <service>.<Event>}
 * @param address the broker's name for it (topic, routing key or event type)
 * @param messageName the message under {@code components/messages} the channel carries
 * @param kafka the topic binding when the broker is Kafka, else null
 * @param amqp the exchange binding when the broker is RabbitMQ, else null
 */
public record ChannelView(
    String id,
    String address,
    String title,
    String summary,
    String description,
    String messageName,
    KafkaTopicView kafka,
    AmqpExchangeView amqp) {

  /**
   * The Kafka topic of a channel.
   *
   * @param partitions from the capacity figure {@code partitions.<Event>}, or null without one
   */
  public record KafkaTopicView(String topic, Integer partitions, int replicas, int minInsyncReplicas,
      long retentionMs) {}

  /** The RabbitMQ exchange a channel's routing key belongs to (a durable topic exchange). */
  public record AmqpExchangeView(String name, String vhost) {}
}
