package dev.archforge.deliverable.architecture;

import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relationships between the containers of the system: each deployable to its database and
 * the cache, synchronous calls between services, and events through the broker (or, without
 * one, straight from publisher to consumer).
 */
final class Connections {
  private Connections() {}

  static void add(C4Diagram d, Requirements r, Topology t) {
    boolean anyPublishes = r.services().stream().anyMatch(s -> !s.publishes().isEmpty());
    for (Service s : t.withData(r.services())) {
      boolean outbox = t.outbox() && (t.monolith() ? anyPublishes : !s.publishes().isEmpty());
      d.rel(C4Diagrams.deployable(s, t), C4Diagrams.database(s, t), "Reads and writes"
          + (outbox ? ", outbox table " + t.eventTable() : ""), databaseProtocol(t.database()));
      if (t.cache()) {
        d.rel(C4Diagrams.deployable(s, t), C4Diagrams.CACHE, "Reads through", "Redis protocol");
      }
    }
    if (!t.monolith()) {
      for (Service s : r.services()) {
        for (String callee : s.calls()) {
          Service target = r.service(callee).orElseThrow();
          d.rel(C4Diagrams.deployable(s, t), C4Diagrams.deployable(target, t), "Calls", t.protocol(target));
        }
      }
    }
    events(d, r, t);
  }

  private static void events(C4Diagram d, Requirements r, Topology t) {
    String technology = ManagedServices.broker(t.messaging(), t.cloud());
    if (t.broker()) {
      for (var e : grouped(r, t, true).entrySet()) {
        d.rel(e.getKey(), C4Diagrams.BROKER, "Publishes " + String.join(", ", e.getValue()), technology);
      }
      for (var e : grouped(r, t, false).entrySet()) {
        d.rel(C4Diagrams.BROKER, e.getKey(), "Delivers " + String.join(", ", e.getValue()), technology);
      }
      return;
    }
    if (t.monolith()) {
      return; // in-process, said in the deployable's description
    }
    for (Service publisher : r.services()) {
      for (Service consumer : r.services()) {
        List<String> shared = publisher.publishes().stream().filter(consumer.consumes()::contains).toList();
        if (!shared.isEmpty() && publisher != consumer) {
          d.rel(C4Diagrams.deployable(publisher, t), C4Diagrams.deployable(consumer, t),
              "Notifies: " + String.join(", ", shared), "async, outbox relay over HTTPS (no broker chosen)");
        }
      }
    }
  }

  /** Deployable alias → the events it publishes (or consumes), in the order of the requirements. */
  private static Map<String, List<String>> grouped(Requirements r, Topology t, boolean publishes) {
    Map<String, List<String>> byDeployable = new LinkedHashMap<>();
    for (Service s : r.services()) {
      for (String event : publishes ? s.publishes() : s.consumes()) {
        List<String> list = byDeployable.computeIfAbsent(C4Diagrams.deployable(s, t), k -> new ArrayList<>());
        if (!list.contains(event)) {
          list.add(event);
        }
      }
    }
    return byDeployable;
  }

  static String databaseProtocol(String database) {
    return switch (database) {
      case "postgresql", "mysql" -> "SQL";
      case "mongodb" -> "MongoDB wire protocol";
      case "dynamodb" -> "HTTPS API";
      case "cassandra" -> "CQL";
      default -> database;
    };
  }
}
