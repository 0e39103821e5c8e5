package dev.archforge.deliverable.architecture;

import dev.archforge.facts.deploy.SystemModel;
import dev.archforge.facts.deploy.SystemModel.Relation;

/**
 * The relationships between the containers of the system, as the shared {@link SystemModel} states
 * them (the Structurizr workspace and the catalog read the same list): each deployable to its
 * database and the cache, synchronous calls between services, and events through the broker (or,
 * without one, straight from publisher to consumer).
 */
final class Connections {
  private Connections() {}

  /** @param bff the key of the BFF's deployable, drawn as the diagram's BFF; null when there is none */
  static void add(C4Diagram d, SystemModel model, Topology t, String bff) {
    for (Relation rel : model.relations()) {
      String label = switch (rel.flow()) {
        case PUBLISH, DELIVER -> rel.description() + " " + String.join(", ", rel.items());
        case NOTIFY -> rel.description() + ": " + String.join(", ", rel.items());
        default -> rel.description();
      };
      d.rel(alias(rel.from(), t, bff), alias(rel.to(), t, bff), label, rel.technology());
    }
  }

  /** The Mermaid alias of a container of the system model. */
  private static String alias(String key, Topology t, String bff) {
    if (key.equals(bff)) {
      return C4Diagrams.BFF;
    }
    if (key.equals(SystemModel.CACHE)) {
      return C4Diagrams.CACHE;
    }
    if (key.equals(SystemModel.BROKER)) {
      return C4Diagrams.BROKER;
    }
    if (key.startsWith("db:")) {
      return MermaidText.id("db", key.substring(3));
    }
    return MermaidText.id(t.monolith() ? "app" : "svc", key);
  }
}
