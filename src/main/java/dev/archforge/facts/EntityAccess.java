package dev.archforge.facts;

import dev.archforge.model.Access;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may read and write each entity of a service: the service's {@code access} entry for the
 * entity or, without one, every role. Writes always need credentials, so {@code anonymous} is
 * dropped from them (with a warning).
 */
public class EntityAccess {
  private final Authentication authentication;
  private final Security security;
  private final Service service;

  public EntityAccess(Authentication authentication, Security security, Service service) {
    this.authentication = authentication;
    this.security = security;
    this.service = service;
  }

  public Authentication authentication() {
    return authentication;
  }

  /** The access entry of an entity, or every role for reads and writes. */
  public Access access(Entity entity) {
    Access given = service.access().get(entity.name());
    return given != null ? given : new Access(security.roles(), security.roles());
  }

  /** The roles that may write; empty when nobody may. */
  public List<String> write(Entity entity) {
    return access(entity).write().stream().filter(r -> !r.equals(Security.ANONYMOUS)).toList();
  }

  /**
   * The warnings about the owned entities, entity by entity: {@code <tag>: service '<name>': access
   * to <entity> lets anonymous callers write; <stillRequired>} and {@code ...: no role may write
   * <entity>, <noWriter>}.
   */
  public List<String> warnings(List<Entity> owned, String tag, String stillRequired, String noWriter) {
    List<String> warnings = new ArrayList<>();
    for (Entity e : owned) {
      if (access(e).write().contains(Security.ANONYMOUS) && authentication != Authentication.NONE) {
        warnings.add(tag + ": service '" + service.name() + "': access to " + e.name() + " lets anonymous callers "
            + "write; " + stillRequired);
      }
      if (write(e).isEmpty()) {
        warnings.add(tag + ": service '" + service.name() + "': no role may write " + e.name() + ", " + noWriter);
      }
    }
    return warnings;
  }
}
