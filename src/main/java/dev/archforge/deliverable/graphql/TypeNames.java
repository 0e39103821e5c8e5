package dev.archforge.deliverable.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names in one namespace of a schema (its types, or the fields of {@code Query}), so that no two
 * definitions share one: the reserved names are taken first, then each entity's names in the order
 * of the requirements. A name that is taken gets a number ({@code Date} → {@code Date2}); each
 * such rename is kept for the warnings.
 */
final class TypeNames {
  /** Built-in scalars, the root types, every custom scalar and the shared types. */
  static final Set<String> RESERVED = Set.of("String", "Int", "Float", "Boolean", "ID", "Query", "Mutation",
      "Subscription", "PageInfo", "OrderDirection", "UserError", "NotFoundError", "ValidationError", "ConflictError",
      "ForbiddenError", "StateError", "DateTime", "Date", "Decimal", "UUID", "Email", "URL", "JSON", "Long", "Base64");

  private final Set<String> taken;
  private final List<String> renames = new ArrayList<>();

  /** @param reserved names that are taken from the start ({@link #RESERVED} for type names) */
  TypeNames(Set<String> reserved) {
    this.taken = new HashSet<>(reserved);
  }

  /** The preferred name when it is free, otherwise the preferred name with the lowest free number. */
  String claim(String preferred) {
    String name = preferred;
    for (int i = 2; !taken.add(name); i++) {
      name = preferred + i;
    }
    if (!name.equals(preferred)) {
      renames.add(preferred + " is taken, so it is named " + name);
    }
    return name;
  }

  List<String> renames() {
    return List.copyOf(renames);
  }
}
