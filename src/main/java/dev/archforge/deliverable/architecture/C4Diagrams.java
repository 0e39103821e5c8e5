package dev.archforge.deliverable.architecture;

import dev.archforge.facts.schema.MessageTables;
import dev.archforge.facts.AccessRules;
import dev.archforge.facts.deploy.Bff;
import dev.archforge.facts.deploy.SystemModel;
import dev.archforge.model.Access;
import dev.archforge.model.Authentication;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The C4 context and container diagrams of a plan: who uses the system, what it depends on
 * outside, and the deployables, databases, cache and broker inside it with their connections.
 */
final class C4Diagrams {
  static final String SYSTEM = "system";
  static final String GATEWAY = "gateway";
  static final String BFF = "bff";
  static final String IDP = "idp";
  static final String CDN = "cdn";
  static final String CLOUD = "cloud";
  static final String CACHE = "cache";
  static final String BROKER = "broker";
  static final String ANONYMOUS = "anonymous_users";

  private C4Diagrams() {}

  /** A person of the diagrams: a role of {@code security.roles}, or anonymous callers. */
  record Person(String alias, String label, String description, boolean signsIn) {}

  static C4Diagram context(Plan plan, Topology t) {
    Requirements r = plan.requirements();
    String title = r.project().displayTitle();
    C4Diagram d = new C4Diagram("C4Context", "System context of " + title);
    List<Person> people = people(plan, t);
    people.forEach(p -> d.person(p.alias(), p.label(), p.description()));
    d.system(SYSTEM, title, r.project().description() == null ? r.project().domain() : r.project().description());
    externals(d, t);
    d.externalSystem(CLOUD, ManagedServices.cloudName(t.cloud()) + " managed services",
        String.join(", ", ManagedServices.used(t)));
    for (Person p : people) {
      d.rel(p.alias(), t.cdn() ? CDN : SYSTEM, "Uses", "HTTPS, " + (p.signsIn() ? t.credential() : "no credentials"));
      if (p.signsIn() && t.identityProvider()) {
        d.rel(p.alias(), IDP, "Signs in", t.authentication().equals("oidc") ? "OpenID Connect" : "gets a JWT");
      }
    }
    if (t.cdn()) {
      d.rel(CDN, SYSTEM, "Forwards cache misses", "HTTPS");
    }
    if (t.identityProvider()) {
      d.rel(SYSTEM, IDP, "Validates tokens", "JWKS");
    }
    d.rel(SYSTEM, CLOUD, "Keeps data and events in", "managed services");
    return d;
  }

  static C4Diagram container(Plan plan, Topology t) {
    Requirements r = plan.requirements();
    String title = r.project().displayTitle();
    C4Diagram d = new C4Diagram("C4Container", "Containers of " + title);
    List<Person> people = people(plan, t);
    people.forEach(p -> d.person(p.alias(), p.label(), p.description()));
    externals(d, t);
    Bff bff = Bff.of(plan).orElse(null);
    d.boundary(SYSTEM, title, () -> inside(d, r, t, bff));
    List<String> entry = entryPoints(r, t);
    for (Person p : people) {
      String target = t.cdn() ? CDN : t.hasGateway() ? GATEWAY : null;
      List<String> targets = target == null ? entry : List.of(target);
      targets.forEach(to -> d.rel(p.alias(), to, "Uses", "HTTPS, " + (p.signsIn() ? t.credential() : "no credentials")));
    }
    if (t.cdn()) {
      (t.hasGateway() ? List.of(GATEWAY) : entry).forEach(to -> d.rel(CDN, to, "Forwards cache misses", "HTTPS"));
    }
    if (t.bff()) {
      d.rel(GATEWAY, BFF, "Routes requests", "HTTPS");
      if (bff == null) {
        entry.forEach(to -> d.rel(BFF, to, "Calls", "HTTPS"));
      }
    } else if (t.hasGateway()) {
      entry.forEach(to -> d.rel(GATEWAY, to, "Routes requests", "HTTPS"));
    }
    if (t.identityProvider()) {
      (t.hasGateway() ? List.of(GATEWAY) : entry).forEach(from -> d.rel(from, IDP, "Validates tokens", "JWKS"));
    }
    Connections.add(d, SystemModel.of(plan), t, bff == null ? null : bff.name());
    return d;
  }

  /** The alias of a service's deployable: its own, or the monolith's. */
  static String deployable(Service s, Topology t) {
    return t.monolith() ? MermaidText.id("app", t.deployable()) : MermaidText.id("svc", s.name());
  }

  /** The alias of the database a service's entities live in, or null when it owns none. */
  static String database(Service s, Topology t) {
    if (s.entities().isEmpty()) {
      return null;
    }
    return t.monolith() ? MermaidText.id("db", t.deployable()) : MermaidText.id("db", s.name());
  }

  private static void externals(C4Diagram d, Topology t) {
    if (t.identityProvider()) {
      d.externalSystem(IDP, "Identity provider", t.authentication().equals("oidc")
          ? "Signs users in and issues the OpenID Connect tokens the APIs accept" : "Issues the JWTs the APIs accept");
    }
    if (t.cdn()) {
      d.externalSystem(CDN, "CDN", ManagedServices.cdn(t.cloud()) + ": caches public responses at the edge");
    }
  }

  private static void inside(C4Diagram d, Requirements r, Topology t, Bff bff) {
    if (t.hasGateway()) {
      d.container(GATEWAY, "API gateway", "managed gateway", "Routes requests, checks credentials, limits rates");
    }
    if (t.bff()) {
      d.container(BFF, bff == null ? "Backend for frontend" : bff.name(), bff == null ? "one per client app"
          : bff.language().spelling() + ", backend for frontend", "Shapes the APIs for the web and mobile apps");
    }
    String db = ManagedServices.managedDatabase(t.database(), t.cloud());
    if (t.monolith()) {
      String modules = String.join(", ", r.services().stream().map(Service::name).toList());
      String language = r.project().team().languages().isEmpty() ? "java"
          : r.project().team().languages().get(0).spelling();
      d.container(MermaidText.id("app", t.deployable()), t.deployable(), language + ", modular monolith",
          "Modules: " + modules + (t.broker() || r.services().stream().allMatch(s -> s.publishes().isEmpty()) ? ""
              : "; events in-process through the table " + MessageTables.PUBLICATION));
      if (!t.withData(r.services()).isEmpty()) {
        d.database(MermaidText.id("db", t.deployable()), t.deployable() + " database", db, "One schema per module: "
            + String.join(", ", t.withData(r.services()).stream().map(Service::name).toList()));
      }
    } else {
      for (Service s : r.services()) {
        d.container(deployable(s, t), s.name(), s.language().spelling() + ", " + Topology.protocol(s.api()),
            s.description() == null ? "Owns " + owns(s) : s.description());
      }
      for (Service s : t.withData(r.services())) {
        d.database(database(s, t), s.name() + " database", db, String.join(", ", s.entities()));
      }
    }
    if (t.cache()) {
      d.database(CACHE, "Cache", ManagedServices.managedCache(t.cloud()), "Read-through cache of hot entities");
    }
    if (t.broker()) {
      List<String> events = r.events().stream().map(e -> e.name()).toList();
      d.queue(BROKER, "Event broker", ManagedServices.managedBroker(t.messaging(), t.cloud()),
          events.isEmpty() ? "No events declared yet" : "Topics: " + String.join(", ", events));
    }
  }

  private static String owns(Service s) {
    return s.entities().isEmpty() ? "no entities" : String.join(", ", s.entities());
  }

  /** Where callers enter: the public deployables, or every deployable when none is public. */
  static List<String> entryPoints(Requirements r, Topology t) {
    List<Service> open = r.services().stream().filter(Service::isPublic).toList();
    List<Service> targets = open.isEmpty() ? r.services() : open;
    return targets.stream().map(s -> deployable(s, t)).distinct().toList();
  }

  /**
   * The people: one per role, plus anonymous callers when an access list names {@code anonymous}
   * or when public services take no credentials at all.
   */
  static List<Person> people(Plan plan, Topology t) {
    Requirements r = plan.requirements();
    AccessRules rules = AccessRules.of(plan);
    List<Person> people = new ArrayList<>();
    for (String role : r.security().roles()) {
      people.add(new Person(MermaidText.id("role", role), capitalised(role), describe(r, rules, role),
          !t.authentication().equals(Authentication.NONE.spelling())));
    }
    boolean named = r.services().stream().flatMap(s -> s.access().values().stream())
        .anyMatch(a -> a.read().contains(Security.ANONYMOUS) || a.write().contains(Security.ANONYMOUS));
    boolean open = t.authentication().equals(Authentication.NONE.spelling())
        && r.services().stream().anyMatch(Service::isPublic);
    if (named || open) {
      people.add(new Person(ANONYMOUS, "Anonymous visitors", "Use public endpoints without credentials", false));
    }
    return people;
  }

  private static String describe(Requirements r, AccessRules rules, String role) {
    List<String> writes = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    for (Service s : r.services()) {
      for (String entity : s.entities()) {
        Access a = rules.of(s, entity);
        if (a.write().contains(role)) {
          writes.add(entity);
        } else if (a.read().contains(role)) {
          reads.add(entity);
        }
      }
    }
    List<String> parts = new ArrayList<>();
    if (!writes.isEmpty()) {
      parts.add("Changes " + list(writes) + ".");
    }
    if (!reads.isEmpty()) {
      parts.add("Reads " + list(reads) + ".");
    }
    return parts.isEmpty() ? "Signs in with the role " + role + "." : String.join(" ", parts);
  }

  private static String list(List<String> names) {
    return names.size() <= 4 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }

  private static String capitalised(String role) {
    String words = role.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
