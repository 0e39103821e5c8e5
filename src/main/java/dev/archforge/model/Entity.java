package dev.archforge.model;

import java.util.List;

/** One entry of {@code entities:}; the name is PascalCase. */
public record Entity(
    String name,
    String description,
    IdType id,
    boolean audit,
    boolean softDelete,
    List<Field> fields,
    List<Relation> relations) {

  public Entity {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
  }
}
