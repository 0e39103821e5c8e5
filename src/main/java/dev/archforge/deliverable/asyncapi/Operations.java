package dev.archforge.deliverable.asyncapi;

import dev.archforge.facts.Naming;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import java.util.List;
import dev.archforge.facts.messaging.Transport;
import dev.archforge.model.Event;
import dev.archforge.model.Service;

/**
 * The operations of a channel: the publisher's {@code send} and each consumer's {@code receive},
 * with the client id, consumer group, queue or subscription each uses.
 */
final class Operations {
  private final Transport transport;
  private final String project;

  Operations(Transport transport, String project) {
    this.transport = transport;
    this.project = project;
  }

  /** @param triggers the domain operations of the publisher that emit the event ({@link DomainOperations#emitting}) */
  OperationView send(Service publisher, Event event, ChannelView channel, List<DomainOperation> triggers) {
    String id = publisher.name() + ".send" + event.name();
    String how = switch (transport) {
      case KAFKA -> "to the topic `" + channel.address() + "`";
      case RABBITMQ -> "to its exchange `" + Transport.exchange(project, publisher) + "` with the routing key `"
          + channel.address() + "`, persistent and with publisher confirms";
      case GOOGLE_PUBSUB, AZURE_SERVICE_BUS, UNNAMED_BROKER -> "to the topic `" + channel.address() + "`";
      case AWS_SNS_SQS -> "to the SNS topic `" + channel.address() + "`";
      case IN_PROCESS -> "in-process, to the handlers of the modules that receive it";
    };
    return new OperationView(id, "send", channel.id(), event.name(), publisher.name() + " sends " + event.name(),
        "`" + publisher.name() + "` publishes " + event.name() + " " + how + ".",
        "Sent once the change it reports is committed; a retry sends the same `message-id` again."
            + (triggers.isEmpty() ? "" : " Published by the operation" + (triggers.size() > 1 ? "s " : " ")
            + String.join(", ", triggers.stream().map(t -> "`" + t.operationId() + "` (POST " + t.path() + ")")
            .toList()) + " when it succeeds."),
        transport == Transport.KAFKA ? clientId(publisher) : null, null, transport == Transport.RABBITMQ, null, null,
        triggers.stream().map(DomainOperation::operationId).toList());
  }

  /**
   * @param qualified whether the event has several publishers, so that the operation id names the
   *     publisher too ({@code <service>.receive<Event>From<Publisher>})
   */
  OperationView receive(Service consumer, Service publisher, Event event, ChannelView channel, boolean qualified) {
    String id = consumer.name() + ".receive" + event.name()
        + (qualified ? "From" + Naming.pascal(publisher.name()) : "");
    String from = switch (transport) {
      case KAFKA -> "from the topic `" + channel.address() + "` in the consumer group `" + groupId(consumer) + "`";
      case RABBITMQ -> "from its quorum queue `" + queue(consumer, channel) + "`, bound to the exchange `"
          + Transport.exchange(project, publisher) + "` with the routing key `" + channel.address() + "`";
      case GOOGLE_PUBSUB -> "from its subscription `" + queue(consumer, channel) + "` to the topic `"
          + channel.address() + "`";
      case AWS_SNS_SQS -> "from its SQS queue `" + queue(consumer, channel) + "`, subscribed to the SNS topic `"
          + channel.address() + "`";
      case AZURE_SERVICE_BUS -> "from its subscription `" + queue(consumer, channel) + "` to the topic `" + channel.address()
          + "`";
      case UNNAMED_BROKER -> "from its own subscription to the topic `" + channel.address() + "`";
      case IN_PROCESS -> "in-process, in a handler that runs after the publishing transaction commits";
    };
    return new OperationView(id, "receive", channel.id(), event.name(), consumer.name() + " receives " + event.name()
        + (qualified ? " from " + publisher.name() : ""),
        "`" + consumer.name() + "` receives " + event.name() + " " + from + "." + parked(consumer, channel),
        "Idempotent: a message whose `message-id` was processed before is acknowledged without applying it again.",
        transport == Transport.KAFKA ? clientId(consumer) : null,
        transport == Transport.KAFKA ? groupId(consumer) : null, transport == Transport.RABBITMQ,
        blankToNull(queue(consumer, channel)), blankToNull(transport.deadLetter(project, consumer.name(),
            channel.address())), List.of());
  }

  private String clientId(Service service) {
    return Transport.clientId(project, service.name());
  }

  private String groupId(Service service) {
    return Transport.group(project, service.name());
  }

  /** Where the consumer parks a message it cannot process, in a sentence; empty in-process. */
  private String parked(Service consumer, ChannelView channel) {
    String name = transport.deadLetter(project, consumer.name(), channel.address());
    return name.isEmpty() ? "" : " What it cannot process is parked in `" + name + "`.";
  }

  private static String blankToNull(String name) {
    return name.isEmpty() ? null : name;
  }

  private String queue(Service consumer, ChannelView channel) {
    return transport.queue(project, consumer.name(), channel.address());
  }
}
