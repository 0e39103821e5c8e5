package dev.archforge.load;

import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Relation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code renamedFrom} keys of entities, fields and relations: a former name is no current name of the same
 * kind and is claimed once, so that the migration's RENAME is never ambiguous.
 */
final class RenameChecks {
  private final Diagnostics diagnostics;

  RenameChecks(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The renamed fields of one entity, {@code fieldMap} being its {@code fields:}. */
  void fields(YamlMap fieldMap, List<Field> fields) {
    Set<String> current = fields.stream().map(Field::name).collect(Collectors.toSet());
    Map<String, String> claimed = new HashMap<>();
    for (Field f : fields) {
      if (f.renamedFrom() == null) {
        continue;
      }
      Node at = YamlMap.open(fieldMap.value(f.name()), fieldMap.path(f.name()), diagnostics)
          .map(m -> m.value("renamedFrom")).orElse(fieldMap.keyNode(f.name()));
      check(f.name(), f.renamedFrom(), at, current, claimed, "field");
    }
  }

  /** The renamed relations of one entity, {@code relationMap} being its {@code relations:}. */
  void relations(YamlMap relationMap, List<Relation> relations) {
    Set<String> current = relations.stream().map(Relation::name).collect(Collectors.toSet());
    Map<String, String> claimed = new HashMap<>();
    for (Relation r : relations) {
      if (r.renamedFrom() != null) {
        Node at = YamlMap.open(relationMap.value(r.name()), relationMap.path(r.name()), diagnostics)
            .map(m -> m.value("renamedFrom")).orElse(relationMap.keyNode(r.name()));
        check(r.name(), r.renamedFrom(), at, current, claimed, "relation");
      }
    }
  }

  /** Every entity's former name, {@code nodes} by entity. */
  void entities(List<Entity> entities, Map<String, Node> nodes) {
    Set<String> current = entities.stream().map(Entity::name).collect(Collectors.toSet());
    Map<String, String> claimed = new HashMap<>();
    for (Entity e : entities) {
      if (e.renamedFrom() != null && nodes.containsKey(e.name())) {
        check(e.name(), e.renamedFrom(), nodes.get(e.name()), current, claimed, "entity");
      }
    }
  }

  private void check(String name, String former, Node at, Set<String> current, Map<String, String> claimed,
      String kind) {
    if (former.equals(name)) {
      diagnostics.error(at, "renamedFrom '" + former + "' is the " + kind + "'s own name; remove it");
    } else if (current.contains(former)) {
      diagnostics.error(at, "renamedFrom '" + former + "': " + kind + " '" + former + "' still exists; a " + kind
          + " can take the name of one that is gone, not of one that is still there");
    } else if (claimed.containsKey(former)) {
      diagnostics.error(at, "renamedFrom '" + former + "' is also claimed by " + kind + " '" + claimed.get(former)
          + "'; only one " + kind + " can be the renamed one");
    } else {
      claimed.put(former, name);
    }
  }
}
