package dev.archforge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A domain operation of an entity ({@code entities.<E>.operations.<name>}): a named state change
 * that is not create, update or delete. An instance operation moves one entity from one of the
 * {@code from} states to {@code to}; a collection operation creates one in state {@code to}.
 * {@code from} is empty for a collection operation, and {@code to} is null when the entity has
 * no state machine. {@code input} holds the request fields (entity-field syntax); {@code emits}
 * names the event published on success, or is null.
 */
public record Operation(
    String name,
    @JsonInclude(JsonInclude.Include.NON_NULL) String description,
    OperationScope scope,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> from,
    @JsonInclude(JsonInclude.Include.NON_NULL) String to,
    List<String> roles,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Field> input,
    @JsonInclude(JsonInclude.Include.NON_NULL) String emits) {

  public Operation {
    from = List.copyOf(from);
    roles = List.copyOf(roles);
    input = List.copyOf(input);
  }

  public boolean onCollection() {
    return scope == OperationScope.COLLECTION;
  }
}
