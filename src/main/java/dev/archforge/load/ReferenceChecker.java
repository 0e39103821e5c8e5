package dev.archforge.load;

import dev.archforge.load.Declarations.Kind;
import dev.archforge.load.Declarations.Reference;
import dev.archforge.model.Entity;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The checks that need the whole file: every name mentioned is declared, each entity has exactly
 * one owner, relations stay inside one service, one-to-many has its many-to-one, events flow.
 */
final class ReferenceChecker {
  private final Diagnostics diagnostics;
  private final Declarations declarations;

  ReferenceChecker(Diagnostics diagnostics, Declarations declarations) {
    this.diagnostics = diagnostics;
    this.declarations = declarations;
  }

  void check(List<Service> services, List<Entity> entities, Map<String, Map<Relation, Node>> relationTargets) {
    for (Reference ref : declarations.references) {
      Map<String, Node> declared = declarations.of(ref.kind());
      boolean anonymous = ref.kind() == Kind.ROLE && ref.name().equals(Security.ANONYMOUS);
      if (!declared.containsKey(ref.name()) && !anonymous) {
        diagnostics.error(ref.node(), "unknown " + ref.kind().word + " '" + ref.name() + "' in '" + ref.context() + "'"
            + Suggestions.hint(ref.name(), declared.keySet()) + declaredHint(ref.kind()));
      }
    }
    Map<String, String> owners = owners();
    for (var declared : declarations.entities.entrySet()) {
      if (!owners.containsKey(declared.getKey())) {
        diagnostics.error(declared.getValue(), "entity '" + declared.getKey()
            + "' is not owned by any service: list it under one service's 'entities'");
      }
    }
    for (Entity entity : entities) {
      relations(entity, entities, owners, relationTargets.getOrDefault(entity.name(), Map.of()));
    }
    events(services);
  }

  /** An operation's {@code emits} names an event that the entity's owner lists under {@code publishes}. */
  void emitted(List<Service> services, List<Entity> entities, Map<String, Node> emitted) {
    for (Entity entity : entities) {
      Service owner = services.stream().filter(s -> s.entities().contains(entity.name())).findFirst().orElse(null);
      for (var op : entity.operations()) {
        Node at = emitted.get(entity.name() + "." + op.name());
        if (owner != null && op.emits() != null && at != null && declarations.events.containsKey(op.emits())
            && !owner.publishes().contains(op.emits())) {
          diagnostics.error(at, "operation '" + op.name() + "' of " + entity.name() + " emits " + op.emits()
              + ", which its service '" + owner.name() + "' does not publish; add it to 'services." + owner.name()
              + ".publishes'");
        }
      }
    }
  }

  private static String declaredHint(Kind kind) {
    return switch (kind) {
      case ROLE -> " (roles are declared under security.roles; 'anonymous' means no credentials)";
      case ENTITY -> " (entities are declared under 'entities:')";
      case EVENT -> " (events are declared under 'events:')";
      case SERVICE -> "";
    };
  }

  /** Entity → owning service; reports an entity that two services claim. */
  private Map<String, String> owners() {
    Map<String, String> owners = new HashMap<>();
    Map<String, Node> firstClaim = new HashMap<>();
    for (Reference ref : declarations.references) {
      boolean ownership = ref.kind() == Kind.ENTITY && ref.context().endsWith(".entities");
      if (!ownership || !declarations.entities.containsKey(ref.name())) {
        continue;
      }
      String previous = owners.putIfAbsent(ref.name(), ref.holder());
      if (previous != null) {
        diagnostics.error(ref.node(), "entity '" + ref.name() + "' is already owned by service '" + previous + "' (line "
            + (firstClaim.get(ref.name()).getStartMark().getLine() + 1)
            + "); each entity has exactly one owner — other services keep its id as a plain field");
      } else {
        firstClaim.put(ref.name(), ref.node());
      }
    }
    return owners;
  }

  private void relations(Entity entity, List<Entity> entities, Map<String, String> owners, Map<Relation, Node> targets) {
    String owner = owners.get(entity.name());
    for (Relation relation : entity.relations()) {
      Node at = targets.get(relation);
      String targetOwner = owners.get(relation.to());
      if (owner != null && targetOwner != null && !owner.equals(targetOwner)) {
        diagnostics.error(at, "relation '" + relation.name() + "' of " + entity.name() + " (service '" + owner
            + "') points to " + relation.to() + ", owned by service '" + targetOwner
            + "'; no foreign keys across service databases: keep the id as a plain field instead, e.g. "
            + relation.name() + "Id: { type: uuid, required: true }");
      }
      if (relation.kind() == RelationKind.ONE_TO_MANY) {
        boolean inverse = entities.stream().filter(e -> e.name().equals(relation.to())).flatMap(e -> e.relations().stream())
            .anyMatch(r -> r.to().equals(entity.name()) && r.kind() == RelationKind.MANY_TO_ONE);
        boolean known = entities.stream().anyMatch(e -> e.name().equals(relation.to()));
        if (known && !inverse) {
          diagnostics.error(at, "one-to-many '" + relation.name() + "' needs the other side: a many-to-one from "
              + relation.to() + " back to " + entity.name() + " (that is where the foreign key lives)");
        }
      }
    }
  }

  private void events(List<Service> services) {
    Set<String> published = new HashSet<>();
    Set<String> consumed = new HashSet<>();
    services.forEach(s -> {
      published.addAll(s.publishes());
      consumed.addAll(s.consumes());
    });
    for (Reference ref : declarations.references) {
      if (ref.kind() == Kind.EVENT && ref.context().endsWith(".consumes") && declarations.events.containsKey(ref.name())
          && !published.contains(ref.name())) {
        diagnostics.warning(ref.node(), "event '" + ref.name() + "' is consumed but no service publishes it");
      }
    }
    for (var event : declarations.events.entrySet()) {
      if (!published.contains(event.getKey()) && !consumed.contains(event.getKey())) {
        diagnostics.warning(event.getValue(), "event '" + event.getKey() + "' is declared but no service publishes or consumes it");
      }
    }
  }
}
