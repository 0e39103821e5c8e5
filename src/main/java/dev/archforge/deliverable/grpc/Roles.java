package dev.archforge.deliverable.grpc;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.EntityAccess;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.List;

/**
 * Who may call each RPC, for its comment: the service's {@code access} entry for the entity or,
 * without one, the privileged roles alone ({@link AccessRules}). Writes always need credentials, so {@code anonymous} is dropped from
 * them (with a warning); an entity nobody may write gets no create, update or delete RPC.
 */
final class Roles extends EntityAccess {
  Roles(Authentication authentication, AccessRules rules, Service service) {
    super(authentication, rules, service);
  }

  /** The sentence of an RPC's comment that says who may call it. */
  String describe(Entity entity, boolean write) {
    List<String> roles = write ? write(entity)
        : access(entity).read().stream().filter(r -> !r.equals(Security.ANONYMOUS)).toList();
    boolean anonymous = !write && access(entity).read().contains(Security.ANONYMOUS);
    String text;
    if (anonymous && roles.isEmpty()) {
      text = "Allowed: anyone, with or without credentials.";
    } else {
      text = "Allowed roles: " + (roles.isEmpty() ? "none" : String.join(", ", roles))
          + (anonymous ? "; callers without credentials may read too." : ".");
    }
    return authentication() == Authentication.NONE ? text + " Roles are not enforced: authentication is none." : text;
  }

  /** The sentence of a domain operation's comment that says who may call it. */
  String describe(List<String> roles) {
    String text = "Allowed roles: " + (roles.isEmpty() ? "none" : String.join(", ", roles)) + ".";
    return authentication() == Authentication.NONE ? text + " Roles are not enforced: authentication is none." : text;
  }

  List<String> warnings(List<Entity> owned) {
    return warnings(owned, "grpc", "the service still requires credentials for its write RPCs.",
        "so its service has only Get and List RPCs for it.");
  }
}
