package dev.archforge.facts;

import dev.archforge.model.Access;
import dev.archforge.model.Entity;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may read and write each entity, for every deliverable: the service's {@code access} entry for
 * the entity or, where the requirements state none, only the privileged roles (deny by default).
 * The privileged roles are those of {@code security.roles} that the blueprint names in
 * {@code defaults.privilegedRoles}; when it names none of them, the last role of
 * {@code security.roles} (roles are listed from least to most privileged, as in the format's example).
 */
public final class AccessRules {
  private final Requirements requirements;
  private final List<String> privileged;

  /** An entity that its service owns without stating access, and where the service lists it. */
  public record Defaulted(String service, String entity, String location) {}

  /** @param privilegedNames the role names the blueprint gives the entities without access */
  public AccessRules(Requirements requirements, List<String> privilegedNames) {
    this.requirements = requirements;
    List<String> roles = requirements.security().roles();
    List<String> named = roles.stream().filter(privilegedNames::contains).toList();
    this.privileged = !named.isEmpty() || roles.isEmpty() ? named : List.of(roles.get(roles.size() - 1));
  }

  public static AccessRules of(Plan plan) {
    return new AccessRules(plan.requirements(), plan.blueprint().defaults().privilegedRoles());
  }

  /** The roles that alone may read and write an entity without access rules. */
  public List<String> privileged() {
    return privileged;
  }

  /** The service's access entry for the entity or, without one, the privileged roles for reads and writes. */
  public Access of(Service service, String entity) {
    Access given = service.access().get(entity);
    return given != null ? given : new Access(privileged, privileged);
  }

  public Access of(Service service, Entity entity) {
    return of(service, entity.name());
  }

  /** Whether the requirements say who may read and write the entity. */
  public boolean stated(Service service, String entity) {
    return service.access().containsKey(entity);
  }

  /** The entities owned without access rules, in the order of the services and of their entities. */
  public List<Defaulted> defaulted() {
    List<Defaulted> list = new ArrayList<>();
    for (Service s : requirements.services()) {
      for (String entity : s.entities()) {
        if (!stated(s, entity)) {
          list.add(new Defaulted(s.name(), entity, requirements.entityLocations().getOrDefault(entity,
              "services." + s.name() + ".entities")));
        }
      }
    }
    return list;
  }

  /** The roles that may write every entity the services own; empty when they own none. */
  public List<String> writeEverything() {
    List<Access> all = requirements.services().stream()
        .flatMap(s -> s.entities().stream().map(e -> of(s, e))).toList();
    if (all.isEmpty()) {
      return List.of();
    }
    return requirements.security().roles().stream()
        .filter(role -> all.stream().allMatch(a -> a.write().contains(role))).toList();
  }

  /** One warning per entity without access rules, at the place its service lists it. */
  public List<String> warnings() {
    return defaulted().stream().map(d -> d.location() + ": warning: service '" + d.service() + "' states no access "
        + "for entity '" + d.entity() + "', so only " + String.join(", ", privileged) + " may read or write it "
        + "(deny by default); say who may under 'services." + d.service() + ".access." + d.entity() + "'").toList();
  }
}
