package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.asyncapi.ChannelView.AmqpExchangeView;
import dev.archforge.deliverable.asyncapi.ChannelView.KafkaTopicView;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Decision;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Figure;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/** Maps the plan to the view of {@code api/asyncapi.yaml}. */
final class AsyncApiViewBuilder {
  static final int REPLICAS = 3;
  static final int MIN_INSYNC_REPLICAS = 2;
  static final long RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

  private final Plan plan;
  private final Requirements requirements;
  private final Transport transport;
  private final Brokers brokers;
  private final String project;

  AsyncApiViewBuilder(Plan plan) {
    this.plan = plan;
    this.requirements = plan.requirements();
    this.transport = Transport.of(plan);
    this.brokers = new Brokers(plan, transport);
    this.project = requirements.project().name();
  }

  AsyncApiView build() {
    Messages messages = new Messages(plan, transport);
    Operations operations = new Operations(transport, project);
    List<ChannelView> channels = new ArrayList<>();
    List<OperationView> ops = new ArrayList<>();
    List<MessageView> messageViews = new ArrayList<>();
    for (Event event : publishedEvents(requirements)) {
      List<Service> publishers = publishers(event);
      List<Service> consumers = consumers(event);
      messageViews.add(messages.message(event, publishers.stream().map(Service::name).toList(),
          consumers.stream().map(Service::name).toList()));
      for (Service publisher : publishers) {
        ChannelView channel = channel(publisher, event, consumers);
        channels.add(channel);
        ops.add(operations.send(publisher, event, channel));
        for (Service consumer : consumers) {
          ops.add(operations.receive(consumer, publisher, event, channel, publishers.size() > 1));
        }
      }
    }
    return new AsyncApiView("urn:" + project + ":events", new InfoText(plan, transport, brokers).info(),
        brokers.servers(), channels, ops, messageViews, brokers.schemes());
  }

  /** What the document cannot express as the plan asks, or had to interpret. */
  List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    String messaging = plan.decision("messaging").map(Decision::choice).orElse("none");
    if (transport == Transport.UNNAMED_BROKER) {
      warnings.add("cloud-pubsub".equals(messaging)
          ? "asyncapi: messaging is cloud-pubsub but project.cloud is any: api/asyncapi.yaml names no servers."
          : "asyncapi: messaging '" + messaging + "' is not known: api/asyncapi.yaml names no servers.");
    }
    for (Service s : requirements.services()) {
      for (String name : s.consumes()) {
        if (requirements.services().stream().noneMatch(p -> p.publishes().contains(name))) {
          warnings.add("asyncapi: service '" + s.name() + "' consumes " + name + ", which no service publishes: "
              + "api/asyncapi.yaml has no channel for it.");
        }
      }
    }
    for (Event event : publishedEvents(requirements)) {
      for (Field f : event.fields()) {
        if (f.secret()) {
          warnings.add("asyncapi: event " + event.name() + " carries the secret field '" + f.name() + "' in every "
              + "message; consider sending a reference to it instead.");
        }
      }
    }
    for (MessageView m : build().messages()) {
      if (m.example() == null) {
        warnings.add("asyncapi: no example satisfies the constraints of every required field of " + m.name()
            + "; the message has no example.");
      }
    }
    return warnings;
  }

  /** The events some service publishes, in the order of the requirements. */
  static List<Event> publishedEvents(Requirements requirements) {
    return requirements.events().stream()
        .filter(e -> requirements.services().stream().anyMatch(s -> s.publishes().contains(e.name())))
        .toList();
  }

  private ChannelView channel(Service publisher, Event event, List<Service> consumers) {
    String address = transport.address(project, publisher, event);
    String receivers = consumers.isEmpty() ? "No service receives it yet."
        : "Received by " + String.join(", ", consumers.stream().map(c -> "`" + c.name() + "`").toList()) + ".";
    KafkaTopicView kafka = transport == Transport.KAFKA
        ? new KafkaTopicView(address, partitions(event), REPLICAS, MIN_INSYNC_REPLICAS, RETENTION_MS) : null;
    AmqpExchangeView amqp = transport == Transport.RABBITMQ
        ? new AmqpExchangeView(Transport.exchange(project, publisher), "/") : null;
    return new ChannelView(publisher.name() + "." + event.name(), address,
        Sentences.capitalized(Naming.prose(event.name())) + " from " + publisher.name(),
        event.name() + " events sent by " + publisher.name() + ".",
        "Sent by `" + publisher.name() + "`. " + receivers, event.name(), kafka, amqp);
  }

  /** The capacity figure {@code partitions.<Event>}, or null when the plan has none. */
  private Integer partitions(Event event) {
    return plan.capacity().figure("partitions." + event.name()).map(Figure::value)
        .map(v -> Math.max(1, (int) Math.ceil(v))).orElse(null);
  }

  private List<Service> publishers(Event event) {
    return requirements.services().stream().filter(s -> s.publishes().contains(event.name())).toList();
  }

  private List<Service> consumers(Event event) {
    return requirements.services().stream().filter(s -> s.consumes().contains(event.name())).toList();
  }
}
