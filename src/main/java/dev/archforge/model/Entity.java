package dev.archforge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code entities:}; the name is PascalCase. {@code renamedFrom} is its former name when
 * the file says it was renamed, else null.
 */
public record Entity(
    String name,
    String description,
    IdType id,
    boolean audit,
    boolean softDelete,
    List<Field> fields,
    List<Relation> relations,
    @JsonInclude(JsonInclude.Include.NON_NULL) String renamedFrom) {

  public Entity {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
  }

  /** An entity that was not renamed. */
  public Entity(String name, String description, IdType id, boolean audit, boolean softDelete, List<Field> fields,
      List<Relation> relations) {
    this(name, description, id, audit, softDelete, fields, relations, null);
  }
}
