package dev.archforge.deliverable.asyncapi;

import dev.archforge.facts.messaging.Transport;
import dev.archforge.facts.schema.MessageTables;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;

/**
 * The description of the document, in Markdown: how events travel and how channels are named,
 * the delivery guarantees (at least once, idempotent consumers, ordering per key, the outbox),
 * the headers, versioning and security.
 */
final class InfoText {
  static final String VERSION = "1.0.0";

  private final Plan plan;
  private final Transport transport;
  private final Brokers brokers;
  private final String project;

  InfoText(Plan plan, Transport transport, Brokers brokers) {
    this.plan = plan;
    this.transport = transport;
    this.brokers = brokers;
    this.project = plan.requirements().project().name();
  }

  InfoView info() {
    String title = plan.requirements().project().displayTitle();
    String text = String.join("\n\n",
        "The events of " + title + ": the channel each one travels on, the service that sends it and those that "
            + "receive it, its headers and its payload.",
        "## Transport\n\n" + transportText() + " " + transport.convention(project),
        "## Delivery guarantees\n\n" + publishing() + " Delivery is at least once: a message may arrive more than "
            + "once, after a retry or a consumer restart. Consumers are therefore idempotent by message id: each "
            + "records the `message-id` of every message it processed in its table `" + MessageTables.PROCESSED
            + "`, in the same transaction as the change the message caused, and acknowledges a message whose id it has seen without applying it again. "
            + deadLetters() + "\n\n" + ordering(),
        "## Headers\n\nEvery message carries `message-id` (unique per event, kept on retries: the idempotency key), "
            + "`event-type`, `schema-version` and `occurred-at`; `correlation-id` links the events of one request "
            + "or saga; `traceparent` and `tracestate` (W3C Trace Context) continue the publisher's trace in every "
            + "consumer.",
        "## Versioning\n\nThe major version of an event's schema is part of its channel address (`v1`) and of the "
            + "`schema-version` header. Payloads are closed: a property the schema does not list is refused. So any "
            + "change to a payload is a new major version, published on a new channel (`v2`) alongside the old one "
            + "until every consumer has moved; the old channel is then retired.",
        "## Security\n\n" + brokers.authentication());
    return new InfoView(title + " events", VERSION, text, title + " API team", "Proprietary");
  }

  private String transportText() {
    return switch (transport) {
      case KAFKA -> "Events travel over Apache Kafka. Each topic's partitions come from the capacity estimate "
          + "(the event's peak rate over the rate one partition's consumer handles, never fewer than the minimum); "
          + "every topic has 3 replicas, `min.insync.replicas` 2, and keeps messages for 7 days. Payload schemas are "
          + "registered in the schema registry, which checks each new version for compatibility.";
      case RABBITMQ -> "Events travel over RabbitMQ: publishers send persistent messages with publisher confirms; "
          + "consumers acknowledge each message after processing it.";
      case GOOGLE_PUBSUB -> "Events travel over Google Cloud Pub/Sub: one topic per publisher and event, one "
          + "subscription per consuming service, with a dead-letter topic and exponential retry.";
      case AWS_SNS_SQS -> "Events travel over Amazon SNS and SQS: one SNS topic per publisher and event, fanned out "
          + "to one SQS queue per consuming service.";
      case AZURE_SERVICE_BUS -> "Events travel over Azure Service Bus: one topic per publisher and event, one "
          + "subscription per consuming service.";
      case UNNAMED_BROKER -> "The messaging decision is `" + messaging() + "`, which names no broker this document "
          + "can describe" + ("cloud-pubsub".equals(messaging()) ? " while project.cloud is `any`" : "")
          + ", so it has no servers: add them once the broker is chosen.";
      case IN_PROCESS -> "The messaging decision is `none`: this modular monolith dispatches events in-process, "
          + "from module to module, so the document has no servers. It still states each event's payload, headers, "
          + "publisher and consumers: the contract between the modules today, and the one a broker will carry when "
          + "a module moves into a service of its own.";
    };
  }

  private String publishing() {
    if (transport == Transport.IN_PROCESS) {
      return "Handlers run after the publishing transaction commits; the publisher's event publication table `"
          + MessageTables.PUBLICATION + "` records each event and handler until every handler has finished, and "
          + "handlers that failed are run again.";
    }
    String outbox = "Publishers write each event to their outbox table `" + MessageTables.OUTBOX
        + "` in the same transaction as the change it "
        + "reports; a relay sends it afterwards and retries until the broker acknowledges it. So no event is lost "
        + "once the change is committed, and none is sent for a change that was rolled back.";
    return switch (consistency()) {
      case "outbox" -> outbox;
      case "saga" -> outbox + " Sagas advance on these events: each step reacts to the previous step's event, and a "
          + "step that fails publishes an event on which the earlier steps compensate.";
      case "event-sourcing" -> "Events are appended to the publisher's event store; a subscription on the store "
          + "sends them on and retries until the broker acknowledges them, so the store and the channels agree.";
      default -> "Publishers send each event after the transaction that made the change commits (the consistency "
          + "decision is `" + consistency() + "`): a crash between the commit and the send loses the event. A "
          + "transactional outbox would close that gap.";
    };
  }

  private String deadLetters() {
    String after = "A message that keeps failing is retried with backoff a bounded number of times, then ";
    return switch (transport) {
      case KAFKA -> after + "parked in the consumer's dead-letter topic `" + parked() + "`.";
      case RABBITMQ -> after + "moved to the consumer's dead-letter queue `" + parked() + "`.";
      case GOOGLE_PUBSUB -> after + "forwarded to the subscription's dead-letter topic `" + parked() + "`.";
      case AWS_SNS_SQS -> after + "moved to the queue's dead-letter queue.";
      case AZURE_SERVICE_BUS -> after + "moved to the subscription's dead-letter queue.";
      case UNNAMED_BROKER -> after + "moved to a dead-letter queue of the consumer.";
      case IN_PROCESS -> "An event whose handler keeps failing stays incomplete in the publication table `"
          + MessageTables.PUBLICATION + "`, where it is "
          + "reported and can be resubmitted.";
    };
  }

  /** The dead-letter name pattern, from the names the alerts watch. */
  private String parked() {
    return transport.deadLetter(project, "<consumer>", "<topic>");
  }

  private String ordering() {
    return "Ordering: " + switch (transport) {
      case KAFKA -> "a message's Kafka key is its ordering key (see each message), usually the id of the aggregate "
          + "it is about. Messages with the same key go to the same partition and are received in the order they "
          + "were sent; there is no order between keys.";
      case GOOGLE_PUBSUB -> "publishers set the Pub/Sub ordering key to the message's ordering key (see each "
          + "message) and subscriptions enable message ordering, so messages with the same key arrive in the order "
          + "they were sent; there is no order between keys.";
      case AZURE_SERVICE_BUS -> "publishers set the session id to the message's ordering key (see each message) and "
          + "subscriptions require sessions, so messages with the same key arrive in the order they were sent.";
      case RABBITMQ -> "a queue keeps the order of publication, but redeliveries and competing consumers do not. A "
          + "consumer that needs the messages of one key (see each message) in order uses a single active consumer "
          + "or skips messages older than the state it holds.";
      case AWS_SNS_SQS, UNNAMED_BROKER -> "standard topics and queues do not keep order. A consumer that needs the "
          + "messages of one key (see each message) in order skips messages older than the state it holds.";
      case IN_PROCESS -> "handlers receive the events of one transaction in the order they were published.";
    };
  }

  private String consistency() {
    return plan.decision("consistency").map(Decision::choice).orElse("local-transactions");
  }

  private String messaging() {
    return plan.decision("messaging").map(Decision::choice).orElse("none");
  }
}
