package dev.archforge.facts.api;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
import dev.archforge.model.Operation;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.List;

/**
 * The domain operations of the entities as the contracts and documents name them: the one place
 * that decides each operation's path, operation id, RPC, request type, scope and roles.
 */
public final class DomainOperations {
  private final AccessRules rules;

  public DomainOperations(AccessRules rules) {
    this.rules = rules;
  }

  /** The operations of one entity, in the order of the file. */
  public List<DomainOperation> of(Entity entity) {
    return entity.operations().stream().map(op -> of(entity, op)).toList();
  }

  /** The operations of the entities a service owns. */
  public List<DomainOperation> of(Requirements requirements, Service service) {
    return requirements.ownedBy(service).stream().flatMap(e -> of(e).stream()).toList();
  }

  /** Every operation of the requirements, service by service. */
  public List<DomainOperation> all(Requirements requirements) {
    return requirements.services().stream().flatMap(s -> of(requirements, s).stream()).toList();
  }

  /** The operations that publish {@code event} on success. */
  public List<DomainOperation> emitting(Requirements requirements, String event) {
    return all(requirements).stream().filter(o -> event.equals(o.operation().emits())).toList();
  }

  public DomainOperation of(Entity entity, Operation op) {
    String collection = "/" + Naming.resourcePath(entity.name());
    String segment = Naming.kebab(op.name());
    String path = op.onCollection() ? collection + "/" + segment
        : collection + "/{" + Naming.idName(entity.name()) + "}/" + segment;
    String base = Naming.pascal(op.name()) + entity.name();
    List<String> roles = op.roles().isEmpty() ? rules.privileged() : op.roles();
    return new DomainOperation(entity, op, path, op.name() + entity.name(), base, base + "Request",
        Naming.resourcePath(entity.name()) + ":" + segment, roles);
  }
}
