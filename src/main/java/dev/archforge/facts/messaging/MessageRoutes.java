package dev.archforge.facts.messaging;

import dev.archforge.model.Event;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every channel of the system and every consumer's names on the broker, once per run: what the
 * AsyncAPI document declares and what the lag and dead-letter alerts watch.
 *
 * @param channels one per publisher and published event, in the order of the requirements
 * @param consumers one per service that receives a published event, in the order of the services
 */
public record MessageRoutes(Transport transport, String project, List<Channel> channels, List<Consumer> consumers) {

  public MessageRoutes {
    channels = List.copyOf(channels);
    consumers = List.copyOf(consumers);
  }

  /** What {@code publisher} sends {@code event} on, and who receives it. */
  public record Channel(Service publisher, Event event, String address, List<Service> consumers) {
    public Channel {
      consumers = List.copyOf(consumers);
    }
  }

  /**
   * A receiving service's names on the broker.
   *
   * @param events the events it receives, in the order it lists them
   * @param topics the addresses of the channels it reads
   * @param group its Kafka consumer group; empty for other transports
   * @param queues its queues or subscriptions, without repeats; empty for Kafka
   * @param deadLetters where it parks what it cannot process, without repeats
   */
  public record Consumer(String service, List<String> events, List<String> topics, String group,
      List<String> queues, List<String> deadLetters) {
    public Consumer {
      events = List.copyOf(events);
      topics = List.copyOf(topics);
      queues = List.copyOf(queues);
      deadLetters = List.copyOf(deadLetters);
    }
  }

  public static MessageRoutes of(Plan plan) {
    Requirements requirements = plan.requirements();
    Transport transport = Transport.of(plan);
    String project = requirements.project().name();
    List<Channel> channels = new ArrayList<>();
    for (Event event : published(requirements)) {
      List<Service> consumers = requirements.services().stream()
          .filter(s -> s.consumes().contains(event.name())).toList();
      for (Service publisher : requirements.services()) {
        if (publisher.publishes().contains(event.name())) {
          channels.add(new Channel(publisher, event, transport.address(project, publisher, event), consumers));
        }
      }
    }
    List<Consumer> consumers = new ArrayList<>();
    for (Service service : requirements.services()) {
      List<Channel> read = channels.stream().filter(c -> c.consumers().contains(service)).toList();
      if (read.isEmpty()) {
        continue;
      }
      LinkedHashSet<String> events = new LinkedHashSet<>();
      service.consumes().stream().filter(e -> read.stream().anyMatch(c -> c.event().name().equals(e)))
          .forEach(events::add);
      LinkedHashSet<String> topics = new LinkedHashSet<>();
      LinkedHashSet<String> queues = new LinkedHashSet<>();
      LinkedHashSet<String> deadLetters = new LinkedHashSet<>();
      for (Channel c : read) {
        topics.add(c.address());
        String queue = transport.queue(project, service.name(), c.address());
        if (!queue.isEmpty()) {
          queues.add(queue);
        }
        String parked = transport.deadLetter(project, service.name(), c.address());
        if (!parked.isEmpty()) {
          deadLetters.add(parked);
        }
      }
      String group = transport == Transport.KAFKA ? Transport.group(project, service.name()) : "";
      consumers.add(new Consumer(service.name(), List.copyOf(events), List.copyOf(topics), group,
          List.copyOf(queues), List.copyOf(deadLetters)));
    }
    return new MessageRoutes(transport, project, channels, consumers);
  }

  /** The events some service publishes, in the order of the requirements. */
  public static List<Event> published(Requirements requirements) {
    return requirements.events().stream()
        .filter(e -> requirements.services().stream().anyMatch(s -> s.publishes().contains(e.name())))
        .toList();
  }

  /** The channels of one event, one per publisher. */
  public List<Channel> channelsOf(Event event) {
    return channels.stream().filter(c -> c.event().equals(event)).toList();
  }
}
