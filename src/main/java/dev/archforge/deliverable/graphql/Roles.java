package dev.archforge.deliverable.graphql;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.EntityAccess;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.List;

/**
 * Who may read and write each entity of a service, for {@code @auth}: the service's
 * {@code access} entry or, without one, the privileged roles alone ({@link AccessRules}). Reads may name {@code anonymous}; writes always
 * need credentials, so {@code anonymous} is dropped from them (with a warning).
 */
final class Roles extends EntityAccess {
  Roles(Authentication authentication, AccessRules rules, Service service) {
    super(authentication, rules, service);
  }

  /** The roles that may read, {@code anonymous} included when the access list names it. */
  List<String> read(Entity entity) {
    return access(entity).read();
  }

  List<String> warnings(List<Entity> owned) {
    return warnings(owned, "graphql", "the schema still requires credentials for its mutations.",
        "so the schema has no mutations for it.");
  }
}
