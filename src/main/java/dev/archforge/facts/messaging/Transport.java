package dev.archforge.facts.messaging;

import dev.archforge.facts.Naming;
import dev.archforge.model.Decision;
import dev.archforge.model.Event;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;

/**
 * How events travel, from the messaging decision and, for {@code cloud-pubsub}, the project's
 * cloud; and the names that go with it: channel addresses, consumer groups, queues or
 * subscriptions, dead letters. The contracts, the alerts and the runbooks all name them from here.
 */
public enum Transport {
  /** {@code kafka}: one topic per publisher and event. */
  KAFKA,
  /** {@code rabbitmq}: one topic exchange per publishing service, one routing key per event. */
  RABBITMQ,
  /** {@code cloud-pubsub} on gcp: Google Cloud Pub/Sub topics. */
  GOOGLE_PUBSUB,
  /** {@code cloud-pubsub} on aws: SNS topics fanned out to one SQS queue per consumer. */
  AWS_SNS_SQS,
  /** {@code cloud-pubsub} on azure: Service Bus topics with one subscription per consumer. */
  AZURE_SERVICE_BUS,
  /** {@code cloud-pubsub} without a named cloud, or a messaging choice this deliverable does not know. */
  UNNAMED_BROKER,
  /** {@code none}: events are dispatched in-process (a modular monolith). */
  IN_PROCESS;

  public static final String VERSION_SUFFIX = "v1";

  public static Transport of(Plan plan) {
    String messaging = plan.decision("messaging").map(Decision::choice).orElse("none");
    return switch (messaging) {
      case "kafka" -> KAFKA;
      case "rabbitmq" -> RABBITMQ;
      case "none" -> IN_PROCESS;
      case "cloud-pubsub" -> switch (plan.requirements().project().cloud()) {
        case GCP -> GOOGLE_PUBSUB;
        case AWS -> AWS_SNS_SQS;
        case AZURE -> AZURE_SERVICE_BUS;
        case ANY -> UNNAMED_BROKER;
      };
      default -> UNNAMED_BROKER;
    };
  }

  public boolean hasServers() {
    return this != UNNAMED_BROKER && this != IN_PROCESS;
  }

  /** The address of the channel on which {@code publisher} sends {@code event}. */
  public String address(String project, Service publisher, Event event) {
    String kebab = Naming.kebab(event.name());
    return switch (this) {
      case KAFKA, GOOGLE_PUBSUB, AZURE_SERVICE_BUS, UNNAMED_BROKER ->
          String.join(".", project, publisher.name(), kebab, VERSION_SUFFIX);
      case AWS_SNS_SQS -> String.join("-", project, publisher.name(), kebab, VERSION_SUFFIX);
      case RABBITMQ -> kebab + "." + VERSION_SUFFIX;
      case IN_PROCESS -> event.name();
    };
  }

  /** RabbitMQ: the topic exchange of a publishing service. */
  public static String exchange(String project, Service publisher) {
    return project + "." + publisher.name();
  }

  /** Kafka: the client id of a service's producer and consumer. */
  public static String clientId(String project, String service) {
    return project + "-" + service;
  }

  /** Kafka: the consumer group of a consuming service. */
  public static String group(String project, String consumer) {
    return project + "." + consumer;
  }

  /**
   * Where {@code consumer} reads the channel at {@code address}: its queue (RabbitMQ, SQS) or its
   * subscription (Pub/Sub, Service Bus); empty for Kafka (a consumer group reads the topic itself)
   * and in-process dispatch.
   */
  public String queue(String project, String consumer, String address) {
    return switch (this) {
      case RABBITMQ -> project + "." + consumer;
      case AWS_SNS_SQS -> project + "-" + consumer;
      case GOOGLE_PUBSUB -> address + "." + consumer;
      case AZURE_SERVICE_BUS, UNNAMED_BROKER -> consumer;
      case KAFKA, IN_PROCESS -> "";
    };
  }

  /** Where {@code consumer} parks what it cannot process from {@code address}; empty in-process. */
  public String deadLetter(String project, String consumer, String address) {
    return switch (this) {
      case KAFKA, GOOGLE_PUBSUB -> address + "." + consumer + ".dlq";
      case RABBITMQ, AWS_SNS_SQS -> queue(project, consumer, address) + (this == RABBITMQ ? ".dlq" : "-dlq");
      case AZURE_SERVICE_BUS -> address + "/Subscriptions/" + consumer + "/$DeadLetterQueue";
      case UNNAMED_BROKER -> consumer + ".dlq";
      case IN_PROCESS -> "";
    };
  }

  /** The naming convention of the addresses, for the document's description. */
  public String convention(String project) {
    return switch (this) {
      case KAFKA -> "Topics are named `" + project + ".<service>.<event>.v1`: the project, the publishing service, "
          + "the event in kebab case and the major version of its schema (e.g. `" + project
          + ".orders.order-placed.v1`).";
      case GOOGLE_PUBSUB, AZURE_SERVICE_BUS, UNNAMED_BROKER -> "Topics are named `" + project
          + ".<service>.<event>.v1`: the project, the publishing service, the event in kebab case and the major "
          + "version of its schema.";
      case AWS_SNS_SQS -> "SNS topics are named `" + project + "-<service>-<event>-v1` (SNS allows no dots): the "
          + "project, the publishing service, the event in kebab case and the major version of its schema. Each "
          + "consuming service reads its own SQS queue `" + queue(project, "<consumer>", "") + "`, subscribed with raw "
          + "message delivery to the topics it receives, with a dead-letter queue `"
          + deadLetter(project, "<consumer>", "") + "`.";
      case RABBITMQ -> "Each publishing service owns one durable topic exchange `" + project + ".<service>`; an "
          + "event's routing key is `<event>.v1`, the event in kebab case and the major version of its schema. "
          + "Each consuming service has one quorum queue `" + queue(project, "<consumer>", "") + "`, bound to the "
          + "routing keys it receives, with a dead-letter queue `" + deadLetter(project, "<consumer>", "") + "`.";
      case IN_PROCESS -> "A channel's address is the event type, the name of the event class the modules share.";
    };
  }
}
