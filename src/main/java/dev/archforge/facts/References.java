package dev.archforge.facts;

import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import java.util.HashSet;
import java.util.Set;

/** Which entities other records refer to by key (every relation but one-to-many), so that deleting one may fail. */
public final class References {
  private References() {}

  /** The names of the entities some relation other than one-to-many points to; one pass over all relations. */
  public static Set<String> referenced(Requirements r) {
    Set<String> referenced = new HashSet<>();
    r.entities().forEach(e -> e.relations().stream().filter(rel -> rel.kind() != RelationKind.ONE_TO_MANY)
        .forEach(rel -> referenced.add(rel.to())));
    return Set.copyOf(referenced);
  }
}
