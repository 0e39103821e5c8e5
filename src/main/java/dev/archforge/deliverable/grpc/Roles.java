package dev.archforge.deliverable.grpc;

import dev.archforge.model.Access;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call each RPC, for its comment: the service's {@code access} entry for the entity or,
 * without one, every role. Writes always need credentials, so {@code anonymous} is dropped from
 * them (with a warning); an entity nobody may write gets no create, update or delete RPC.
 */
final class Roles {
  private final Authentication authentication;
  private final Security security;
  private final Service service;

  Roles(Authentication authentication, Security security, Service service) {
    this.authentication = authentication;
    this.security = security;
    this.service = service;
  }

  Authentication authentication() {
    return authentication;
  }

  List<String> write(Entity entity) {
    return access(entity).write().stream().filter(r -> !r.equals(Security.ANONYMOUS)).toList();
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
    return authentication == Authentication.NONE ? text + " Roles are not enforced: authentication is none." : text;
  }

  List<String> warnings(List<Entity> owned) {
    List<String> warnings = new ArrayList<>();
    for (Entity e : owned) {
      if (access(e).write().contains(Security.ANONYMOUS) && authentication != Authentication.NONE) {
        warnings.add("grpc: service '" + service.name() + "': access to " + e.name() + " lets anonymous callers "
            + "write; the service still requires credentials for its write RPCs.");
      }
      if (write(e).isEmpty()) {
        warnings.add("grpc: service '" + service.name() + "': no role may write " + e.name()
            + ", so its service has only Get and List RPCs for it.");
      }
    }
    return warnings;
  }

  private Access access(Entity entity) {
    Access given = service.access().get(entity.name());
    return given != null ? given : new Access(security.roles(), security.roles());
  }
}
