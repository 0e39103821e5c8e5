package dev.archforge.facts.schema;

import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Relation;
import dev.archforge.model.Requirements;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the requirements say was renamed ({@code renamedFrom}): never guessed, so a field, relation or
 * entity that disappears without it is dropped.
 */
public record Renames(Map<String, String> entities, Map<String, Map<String, String>> fields,
    Map<String, Map<String, String>> relations) {
  public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

  public Renames {
    entities = Map.copyOf(entities);
    fields = Map.copyOf(fields);
    relations = Map.copyOf(relations);
  }

  public static Renames of(Requirements requirements) {
    Map<String, String> entities = new HashMap<>();
    Map<String, Map<String, String>> fields = new HashMap<>();
    Map<String, Map<String, String>> relations = new HashMap<>();
    for (Entity e : requirements.entities()) {
      if (e.renamedFrom() != null) {
        entities.put(e.name(), e.renamedFrom());
      }
      Map<String, String> renamed = new HashMap<>();
      for (Field f : e.fields()) {
        if (f.renamedFrom() != null) {
          renamed.put(f.name(), f.renamedFrom());
        }
      }
      fields.put(e.name(), Map.copyOf(renamed));
      Map<String, String> former = new HashMap<>();
      for (Relation r : e.relations()) {
        if (r.renamedFrom() != null) {
          former.put(r.name(), r.renamedFrom());
        }
      }
      relations.put(e.name(), Map.copyOf(former));
    }
    return new Renames(entities, fields, relations);
  }

  /** The entity's former name, if it was renamed. */
  public Optional<String> formerEntity(String entity) {
    return Optional.ofNullable(entities.get(entity));
  }

  /** The relation's former name, if it was renamed. */
  public Optional<String> formerRelation(String entity, String relation) {
    return Optional.ofNullable(relations.getOrDefault(entity, Map.of()).get(relation));
  }

  /** The field's former name, if it was renamed. */
  public Optional<String> formerField(String entity, String field) {
    return Optional.ofNullable(fields.getOrDefault(entity, Map.of()).get(field));
  }
}
