package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.architecture.SequenceDiagram.Arrow;
import dev.archforge.facts.Naming;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequence diagram of one event: how the publisher's change and the event leave together
 * (one transaction with the outbox, when the plan uses one), how the event reaches the broker,
 * and how each consumer handles it once per event id. Saga plans add the compensation step.
 */
final class EventFlows {
  static final String RELAY = "relay_outbox";
  static final String BROKER = "mq_broker";

  private EventFlows() {}

  /** The event's publishers; a flow needs at least one. */
  static List<Service> publishers(Requirements r, Event e) {
    return r.services().stream().filter(s -> s.publishes().contains(e.name())).toList();
  }

  static List<Service> consumers(Requirements r, Event e) {
    return r.services().stream().filter(s -> s.consumes().contains(e.name())).toList();
  }

  static SequenceDiagram of(Requirements r, Topology t, Event e) {
    List<Service> publishers = publishers(r, e);
    List<Service> consumers = consumers(r, e);
    if (publishers.isEmpty()) {
      throw new IllegalArgumentException("no service publishes " + e.name());
    }
    boolean relay = t.outbox() || t.eventSourcing();
    String hub = t.broker() ? BROKER : relay ? RELAY : null;
    SequenceDiagram d = new SequenceDiagram();
    publishers.forEach(p -> d.participant(id(p), label(p, t)));
    Map<String, String> stores = new LinkedHashMap<>();
    publishers.stream().filter(p -> store(p, t) != null)
        .forEach(p -> stores.putIfAbsent(store(p, t), (t.monolith() ? t.deployable() : p.name()) + " database"));
    stores.forEach(d::participant);
    if (relay) {
      d.participant(RELAY, t.eventSourcing() ? "Event store subscription"
          : t.broker() ? "Outbox relay" : "Event dispatcher (outbox)");
    }
    if (t.broker()) {
      d.participant(BROKER, ManagedServices.broker(t.messaging(), t.cloud()));
    }
    consumers.stream().filter(c -> !publishers.contains(c)).forEach(c -> d.participant(id(c), label(c, t)));
    for (Service p : publishers) {
      publish(d, t, e, p, relay, consumers);
    }
    String payload = e.name() + " (" + payload(e) + ")";
    for (Service c : consumers) {
      String from = hub == null ? id(publishers.get(0)) : hub;
      d.message(from, Arrow.ASYNC, id(c), payload);
      d.open("alt", "event id already processed");
      d.message(id(c), Arrow.REPLY, from, "acknowledge, skip the duplicate");
      d.otherwise("first delivery");
      d.message(id(c), Arrow.CALL, id(c), "apply the change and record the event id in one transaction");
      d.message(id(c), Arrow.REPLY, from, "acknowledge");
      d.end();
      if (t.saga()) {
        saga(d, r, c, publishers.get(0), e);
      }
    }
    String first = hub == null ? id(publishers.get(0)) : hub;
    if (consumers.isEmpty()) {
      d.note(first, first, "No service consumes " + e.name() + " yet.");
    } else if (hub != null) {
      d.note(hub, id(consumers.get(consumers.size() - 1)), hub.equals(BROKER)
          ? "A delivery that keeps failing is retried with backoff, then parked in a dead-letter queue."
          : "A handler that fails leaves the event unfinished in " + table(t) + "; it is delivered again later.");
    }
    return d;
  }

  private static void publish(SequenceDiagram d, Topology t, Event e, Service p, boolean relay,
      List<Service> consumers) {
    String store = store(p, t);
    String topic = (t.messaging().equals("rabbitmq") ? "exchange " : "topic ") + Naming.kebab(e.name());
    if (store == null) {
      if (t.broker()) {
        d.message(id(p), Arrow.CALL, BROKER, "publish " + e.name() + " to " + topic);
      }
      return;
    }
    if (t.eventSourcing()) {
      d.message(id(p), Arrow.CALL, store, "append " + e.name() + " to the entity's event stream, one transaction");
    } else if (relay) {
      d.note(id(p), store, "One local transaction: the change and its event commit together.");
      d.message(id(p), Arrow.CALL, store, "write the change");
      d.message(id(p), Arrow.CALL, store, "insert " + e.name() + " into " + table(t));
      d.message(id(p), Arrow.CALL, store, "commit");
    } else {
      d.message(id(p), Arrow.CALL, store, "write the change and commit");
    }
    if (relay) {
      d.message(RELAY, Arrow.CALL, store, t.eventSourcing() ? "read new events" : "read unsent rows of " + table(t));
      if (t.broker()) {
        d.message(RELAY, Arrow.CALL, BROKER, "publish " + e.name() + " to " + topic + key(e));
      }
      if (!t.eventSourcing()) {
        d.message(RELAY, Arrow.CALL, store, "mark the rows sent");
      }
    } else if (t.broker()) {
      d.message(id(p), Arrow.CALL, BROKER, "publish " + e.name() + " to " + topic + " after commit");
      d.note(id(p), BROKER, "Without an outbox, a crash between commit and publish loses the event.");
    } else if (!consumers.isEmpty()) {
      d.note(id(p), id(p), "No broker and no outbox: consumers are notified directly after commit.");
    }
  }

  /** A saga step: the events the consumer publishes back to the publisher, or a failure event. */
  private static void saga(SequenceDiagram d, Requirements r, Service consumer, Service publisher, Event e) {
    List<String> replies = consumer.publishes().stream().filter(publisher.consumes()::contains).toList();
    String sentence = replies.isEmpty()
        ? "Saga step: if " + consumer.name() + " rejects " + e.name() + ", it publishes a failure event and "
            + publisher.name() + " undoes its change with a compensating action."
        : "Saga step: " + consumer.name() + " in turn publishes " + String.join(" or ", replies) + ", which "
            + publisher.name() + " consumes; a step that fails is undone by compensating actions.";
    d.note(id(consumer), consumer == publisher ? id(consumer) : id(publisher), sentence);
  }

  static String id(Service s) {
    return MermaidText.id("svc", s.name());
  }

  private static String label(Service s, Topology t) {
    return t.monolith() ? s.name() + " module" : s.name();
  }

  /** The table a publisher writes its events to, by the name the migrations give it. */
  private static String table(Topology t) {
    return t.eventTable() == null ? "the outbox table" : "the table " + t.eventTable();
  }

  /** The participant id of the database a publisher writes, or null when it owns no data. */
  private static String store(Service p, Topology t) {
    if (p.entities().isEmpty()) {
      return null;
    }
    return MermaidText.id("db", t.monolith() ? t.deployable() : p.name());
  }

  private static String payload(Event e) {
    List<String> names = e.fields().stream().map(Field::name).toList();
    String shown = String.join(", ", names.stream().limit(4).toList());
    return "event id" + (names.isEmpty() ? "" : ", " + shown) + (names.size() > 4 ? ", ..." : "");
  }

  /** The partition key: the event's first id field, so one entity's events stay in order. */
  private static String key(Event e) {
    return e.fields().stream().map(Field::name).filter(n -> n.endsWith("Id")).findFirst()
        .map(n -> " (key " + n + ")").orElse("");
  }
}
