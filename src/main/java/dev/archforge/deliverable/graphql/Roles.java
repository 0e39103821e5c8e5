package dev.archforge.deliverable.graphql;

import dev.archforge.model.Access;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may read and write each entity of a service, for {@code @auth}: the service's
 * {@code access} entry or, without one, every role. Reads may name {@code anonymous}; writes always
 * need credentials, so {@code anonymous} is dropped from them (with a warning).
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

  /** The roles that may read, {@code anonymous} included when the access list names it. */
  List<String> read(Entity entity) {
    return access(entity).read();
  }

  /** The roles that may write; empty when nobody may (the schema then has no mutations for it). */
  List<String> write(Entity entity) {
    return access(entity).write().stream().filter(r -> !r.equals(Security.ANONYMOUS)).toList();
  }

  List<String> warnings(List<Entity> owned) {
    List<String> warnings = new ArrayList<>();
    for (Entity e : owned) {
      if (access(e).write().contains(Security.ANONYMOUS) && authentication != Authentication.NONE) {
        warnings.add("graphql: service '" + service.name() + "': access to " + e.name() + " lets anonymous "
            + "callers write; the schema still requires credentials for its mutations.");
      }
      if (write(e).isEmpty()) {
        warnings.add("graphql: service '" + service.name() + "': no role may write " + e.name()
            + ", so the schema has no mutations for it.");
      }
    }
    return warnings;
  }

  private Access access(Entity entity) {
    Access given = service.access().get(entity.name());
    return given != null ? given : new Access(security.roles(), security.roles());
  }
}
