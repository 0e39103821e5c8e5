package dev.archforge.facts.schema;

import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Requirements;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the requirements say was renamed ({@code renamedFrom}): never guessed, so a field or entity
 * that disappears without it is dropped.
 */
public record Renames(Map<String, String> entities, Map<String, Map<String, String>> fields) {
  public static final Renames NONE = new Renames(Map.of(), Map.of());

  public Renames {
    entities = Map.copyOf(entities);
    fields = Map.copyOf(fields);
  }

  public static Renames of(Requirements requirements) {
    Map<String, String> entities = new HashMap<>();
    Map<String, Map<String, String>> fields = new HashMap<>();
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
    }
    return new Renames(entities, fields);
  }

  /** The entity's former name, if it was renamed. */
  public Optional<String> formerEntity(String entity) {
    return Optional.ofNullable(entities.get(entity));
  }

  /** The field's former name, if it was renamed. */
  public Optional<String> formerField(String entity, String field) {
    return Optional.ofNullable(fields.getOrDefault(entity, Map.of()).get(field));
  }
}
