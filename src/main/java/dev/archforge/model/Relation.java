package dev.archforge.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A relation from one entity to another entity owned by the same service. {@code renamedFrom} is
 * its former name when the file says it was renamed, else null.
 */
public record Relation(String name, String to, RelationKind kind, boolean required, String description,
    @JsonInclude(JsonInclude.Include.NON_NULL) String renamedFrom) {

  /** A relation that was not renamed. */
  public Relation(String name, String to, RelationKind kind, boolean required, String description) {
    this(name, to, kind, required, description, null);
  }
}
