package dev.archforge.load;

import dev.archforge.model.Places;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What one load has seen so far: where each name is declared and every reference to a name, so
 * that references are checked after all sections are read (order in the file does not matter).
 */
final class Declarations {
  enum Kind {
    SERVICE("service"),
    ENTITY("entity"),
    EVENT("event"),
    ROLE("role");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  /** A mention of a name: what it should be, where, and in which service or entity it stands. */
  record Reference(Kind kind, String name, Node node, String context, String holder) {}

  final Map<String, Node> services = new LinkedHashMap<>();
  final Map<String, Node> entities = new LinkedHashMap<>();
  final Map<String, Node> events = new LinkedHashMap<>();
  final Map<String, Node> roles = new LinkedHashMap<>();
  /** The fields and relations of entities and events, as {@code Owner.name}. */
  final Map<String, Node> members = new LinkedHashMap<>();
  final List<Reference> references = new ArrayList<>();

  Map<String, Node> of(Kind kind) {
    return switch (kind) {
      case SERVICE -> services;
      case ENTITY -> entities;
      case EVENT -> events;
      case ROLE -> roles;
    };
  }

  /** Where each declared name is, for what is checked after loading. */
  Places places(Diagnostics diagnostics, Node projectName) {
    Map<String, String> at = new LinkedHashMap<>();
    services.forEach((name, node) -> at.put(Places.key("service", name), diagnostics.location(node)));
    entities.forEach((name, node) -> at.put(Places.key("entity", name), diagnostics.location(node)));
    events.forEach((name, node) -> at.put(Places.key("event", name), diagnostics.location(node)));
    members.forEach((name, node) -> at.put(Places.key("member", name), diagnostics.location(node)));
    if (projectName != null) {
      at.put(Places.key("project", "name"), diagnostics.location(projectName));
    }
    return new Places(diagnostics.file(), at);
  }

  void refer(Kind kind, YamlMap.Item item, String context, String holder) {
    references.add(new Reference(kind, item.value(), item.node(), context, holder));
  }
}
