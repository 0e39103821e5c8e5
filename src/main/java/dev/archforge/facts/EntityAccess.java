package dev.archforge.facts;

import dev.archforge.model.Access;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may read and write each entity of a service, as {@link AccessRules} says: the service's
 * {@code access} entry for the entity or, without one, the privileged roles alone. Writes always need credentials, so {@code anonymous} is
 * dropped from them (with a warning).
 */
public class EntityAccess {
  private final Authentication authentication;
  private final AccessRules rules;
  private final Service service;

  public EntityAccess(Authentication authentication, AccessRules rules, Service service) {
    this.authentication = authentication;
    this.rules = rules;
    this.service = service;
  }

  public Authentication authentication() {
    return authentication;
  }

  /** The access entry of an entity, or the privileged roles for reads and writes. */
  public Access access(Entity entity) {
    return rules.of(service, entity);
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
