package dev.archforge.facts;

import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.facts.deploy.Bff;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.model.Api;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Places;
import dev.archforge.model.Plan;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name of a run that becomes a folder, a container or Kubernetes object, an API type, a
 * table or a column, reserved once in its namespace. Two names of the requirements that become
 * one are a clash, reported at the second with the place of the first; a name of the requirements
 * that takes one archforge uses for itself (the {@code Problem} schema, the {@code deploy/k8s}
 * folder) is a clash as well. The infrastructure containers (database, cache, broker) give way
 * instead: see {@link Deployables}.
 *
 * <p>The namespaces: entity and event names (two may not differ only in case or separators: they
 * share a path, a file and a table name); per service, its tables (entities and many-to-many join
 * tables), its REST schemas ({@code E}, {@code ECreate}, {@code EPatch}, {@code EPage},
 * {@code Problem}, {@code ProblemError}) and its gRPC messages ({@code Get/List/Create/Update/DeleteE
 * Request/Response}, the service), and the request (and gRPC response) types of its domain operations
 * ({@code ReturnLoanRequest}); per entity, its columns; and the deployables, which name a folder
 * under {@code deploy/} and the Kubernetes objects. GraphQL names its types itself, giving way on a
 * clash.
 */
public final class NameRegistry {
  private final Places places;
  private final List<String> clashes = new ArrayList<>();
  /** The pairs of names already reported, so that a pair is reported once. */
  private final Set<String> pairs = new HashSet<>();

  private NameRegistry(Places places) {
    this.places = places;
  }

  /** The clashes of a plan's names; empty when every name is reserved once. */
  public static List<String> clashes(Plan plan, AccessRules access) {
    Requirements r = plan.requirements();
    NameRegistry registry = new NameRegistry(r.places());
    registry.declared(r);
    registry.deployables(plan, r);
    DomainOperations operations = new DomainOperations(access);
    for (Service s : r.services()) {
      registry.tables(s, r.ownedBy(s));
      if (s.api() == Api.REST) {
        registry.restSchemas(s, r.ownedBy(s), operations);
      } else if (s.api() == Api.GRPC) {
        registry.grpcMessages(s, r, access, operations);
      }
      for (Entity e : r.ownedBy(s)) { // every entity has one owner: the loader sees to it
        registry.columns(e, !access.of(s, e).write().isEmpty());
      }
    }
    return List.copyOf(registry.clashes);
  }

  private void declared(Requirements r) {
    Scope entities = new Scope("the path and file name", "");
    for (Entity e : r.entities()) {
      entities.reserve(Naming.kebab(e.name()), "entity '" + e.name() + "'", places.entity(e.name()));
    }
    Scope events = new Scope("the path and file name", "");
    for (Event e : r.events()) {
      events.reserve(Naming.kebab(e.name()), "event '" + e.name() + "'", places.event(e.name()));
    }
  }

  private void deployables(Plan plan, Requirements r) {
    Scope deployables = new Scope("the folder and Kubernetes name", "");
    deployables.ours("k8s", "the Kubernetes manifests (deploy/k8s/)");
    deployables.ours("env", "the env files (deploy/env/)");
    deployables.ours("default-deny", "the NetworkPolicy that denies every flow the design does not need");
    Bff.of(plan).ifPresent(b -> deployables.ours(b.name(), "the backend for frontend of the gateway-and-bff decision"));
    if (Deployables.monolith(plan)) {
      deployables.reserve(r.project().name(), "project '" + r.project().name() + "'", places.project());
    } else {
      r.services().forEach(s -> deployables.reserve(s.name(), "service '" + s.name() + "'", places.service(s.name())));
    }
  }

  private void tables(Service s, List<Entity> owned) {
    Scope tables = new Scope("table", " of service '" + s.name() + "'");
    for (Entity e : owned) {
      tables.reserve(SqlNames.table(e.name()), "entity '" + e.name() + "'", places.entity(e.name()));
      for (Relation rel : e.relations()) {
        if (rel.kind() == RelationKind.MANY_TO_MANY) {
          tables.reserve(SqlNames.joinTable(e.name(), rel.name()), "many-to-many '" + e.name() + "." + rel.name()
              + "'", places.member(e.name(), rel.name()));
        }
      }
    }
  }

  private void columns(Entity e, boolean updatable) {
    Scope columns = new Scope("column", " of table " + SqlNames.table(e.name()));
    columns.ours("id", "the id");
    if (e.audit()) {
      columns.ours("created_at", "the audit timestamps");
      columns.ours("updated_at", "the audit timestamps");
    }
    if (e.softDelete()) {
      columns.ours("deleted_at", "soft deletion");
    }
    if (updatable) {
      columns.ours("lock_version", "optimistic locking");
    }
    for (Field f : e.fields()) {
      columns.reserve(SqlNames.column(f.name()), "field '" + f.name() + "'", places.member(e.name(), f.name()));
    }
    for (Relation rel : e.relations()) {
      if (rel.kind() == RelationKind.MANY_TO_ONE || rel.kind() == RelationKind.ONE_TO_ONE) {
        columns.reserve(SqlNames.foreignKey(rel.name()), "relation '" + rel.name() + "'",
            places.member(e.name(), rel.name()));
      }
    }
  }

  private void restSchemas(Service s, List<Entity> owned, DomainOperations operations) {
    Scope schemas = new Scope("OpenAPI schema", " of service '" + s.name() + "'");
    schemas.ours("Problem", "the error responses");
    schemas.ours("ProblemError", "the error responses");
    // the operations' types first, so that a clash is reported at the entity that takes one
    for (Entity e : owned) {
      for (DomainOperation op : operations.of(e)) {
        if (!op.operation().input().isEmpty()) {
          schemas.reserve(op.requestName(), operation(op), places.entity(e.name()));
        }
      }
    }
    for (Entity e : owned) {
      for (String suffix : List.of("", "Create", "Patch", "Page")) {
        schemas.reserve(e.name() + suffix, "entity '" + e.name() + "'", places.entity(e.name()));
      }
    }
  }

  private static String operation(DomainOperation op) {
    return "operation '" + op.name() + "' of entity '" + op.entity().name() + "'";
  }

  private void grpcMessages(Service s, Requirements r, AccessRules access, DomainOperations operations) {
    Scope messages = new Scope("protobuf name", " of service '" + s.name() + "'");
    String pascal = Naming.pascal(s.name());
    messages.ours(pascal.endsWith("Service") ? pascal : pascal + "Service", "the gRPC service");
    for (Entity e : r.ownedBy(s)) {
      for (DomainOperation op : operations.of(e)) {
        messages.reserve(op.requestName(), operation(op), places.entity(e.name()));
        messages.reserve(op.rpcName() + "Response", operation(op), places.entity(e.name()));
      }
    }
    for (Entity e : r.ownedBy(s)) {
      String who = "entity '" + e.name() + "'";
      String at = places.entity(e.name());
      messages.reserve(e.name(), who, at);
      List<String> verbs = access.of(s, e).write().isEmpty() ? List.of("Get") : List.of("Get", "Create", "Update",
          "Delete");
      for (String verb : verbs) {
        messages.reserve(verb + e.name() + "Request", who, at);
        messages.reserve(verb + e.name() + "Response", who, at);
      }
      messages.reserve("List" + Naming.plural(e.name()) + "Request", who, at);
      messages.reserve("List" + Naming.plural(e.name()) + "Response", who, at);
    }
  }

  /** One namespace: each name in it is reserved once. */
  private final class Scope {
    private final String what;
    private final String in;
    private final Map<String, Owner> taken = new HashMap<>();

    Scope(String what, String in) {
      this.what = what;
      this.in = in;
    }

    /** A name archforge gives to something of its own. */
    void ours(String name, String purpose) {
      taken.put(name, new Owner(purpose, null));
    }

    void reserve(String name, String who, String place) {
      Owner first = taken.putIfAbsent(name, new Owner(who, place));
      if (first == null || first.who().equals(who) || !pairs.add(first.who() + "\n" + who)) {
        return;
      }
      String becomes = place + ": " + who + " becomes " + what + " '" + name + "'" + in;
      clashes.add(first.place() == null ? becomes + ", which archforge uses for " + first.who() + "; rename it"
          : becomes + ", as " + first.who() + " does (" + first.place() + "); rename one of them");
    }
  }

  private record Owner(String who, String place) {}
}
