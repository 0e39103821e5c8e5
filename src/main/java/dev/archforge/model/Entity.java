package dev.archforge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code entities:}; the name is PascalCase. {@code renamedFrom} is its former name when
 * the file says it was renamed, else null. {@code states} names the enum field that is its state
 * machine (clients never write it; only {@code operations} change it), else null.
 */
public record Entity(
    String name,
    String description,
    IdType id,
    boolean audit,
    boolean softDelete,
    List<Field> fields,
    List<Relation> relations,
    @JsonInclude(JsonInclude.Include.NON_NULL) String renamedFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) String states,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Operation> operations) {

  public Entity {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
    operations = operations == null ? List.of() : List.copyOf(operations);
  }

  /** An entity without a state machine or domain operations. */
  public Entity(String name, String description, IdType id, boolean audit, boolean softDelete, List<Field> fields,
      List<Relation> relations, String renamedFrom) {
    this(name, description, id, audit, softDelete, fields, relations, renamedFrom, null, List.of());
  }

  /** The enum field that is this entity's state machine ({@code states:}), if any. */
  public java.util.Optional<Field> stateField() {
    return states == null ? java.util.Optional.empty()
        : fields.stream().filter(f -> f.name().equals(states)).findFirst();
  }

  /** An entity that was not renamed. */
  public Entity(String name, String description, IdType id, boolean audit, boolean softDelete, List<Field> fields,
      List<Relation> relations) {
    this(name, description, id, audit, softDelete, fields, relations, null);
  }
}
