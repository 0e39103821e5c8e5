package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.asyncapi.ChannelView.AmqpExchangeView;
import dev.archforge.deliverable.asyncapi.ChannelView.KafkaTopicView;
import dev.archforge.facts.AccessRules;
import dev.archforge.facts.Facts;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.facts.messaging.MessageRoutes.Channel;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.facts.messaging.Transport;
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
  private final MessageRoutes routes;
  private final Transport transport;
  private final Brokers brokers;
  private final String project;

  AsyncApiViewBuilder(Facts facts) {
    this.plan = facts.plan();
    this.requirements = plan.requirements();
    this.routes = facts.messaging();
    this.transport = routes.transport();
    this.brokers = new Brokers(plan, transport, facts.deployables());
    this.project = requirements.project().name();
  }

  AsyncApiView build() {
    Messages messages = new Messages(plan, transport);
    Operations operations = new Operations(transport, project);
    DomainOperations domain = new DomainOperations(AccessRules.of(plan));
    List<ChannelView> channels = new ArrayList<>();
    List<OperationView> ops = new ArrayList<>();
    List<MessageView> messageViews = new ArrayList<>();
    for (Event event : MessageRoutes.published(requirements)) {
      List<Channel> routed = routes.channelsOf(event);
      List<Service> consumers = routed.get(0).consumers();
      messageViews.add(messages.message(event, routed.stream().map(c -> c.publisher().name()).toList(),
          consumers.stream().map(Service::name).toList()));
      for (Channel route : routed) {
        ChannelView channel = channel(route);
        channels.add(channel);
        ops.add(operations.send(route.publisher(), event, channel, domain.of(requirements, route.publisher()).stream()
            .filter(o -> event.name().equals(o.operation().emits())).toList()));
        for (Service consumer : consumers) {
          ops.add(operations.receive(consumer, route.publisher(), event, channel, routed.size() > 1));
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
    for (Event event : MessageRoutes.published(requirements)) {
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

  private ChannelView channel(Channel route) {
    Service publisher = route.publisher();
    Event event = route.event();
    List<Service> consumers = route.consumers();
    String address = route.address();
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

}
