package dev.archforge.deliverable.security;

import dev.archforge.facts.Products;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of the running system that the security documents walk, as the plan shapes them:
 * the services (modules of one deployable in a modular monolith), the databases (one shared by
 * the monolith, one per service that owns entities otherwise), the cache, CDN, broker, gateway
 * and BFF when chosen, every synchronous call and every event flow.
 *
 * @param deployable the name of the one deployable of a modular monolith: the project's name
 * @param database the chosen database as a product name, e.g. {@code PostgreSQL}
 * @param broker the chosen broker as a product name, or null when messaging is {@code none}
 * @param cache {@code Redis} when the plan caches, else null
 */
public record SystemComponents(
    boolean monolith,
    String deployable,
    List<Service> services,
    String databaseChoice,
    String database,
    List<Store> databases,
    String cache,
    boolean cdn,
    String messaging,
    String broker,
    String gateway,
    String authentication,
    String deployment,
    Cloud cloud,
    List<CallEdge> calls,
    List<EventFlow> events) {

  public SystemComponents {
    services = List.copyOf(services);
    databases = List.copyOf(databases);
    calls = List.copyOf(calls);
    events = List.copyOf(events);
  }

  /** A database: its name in the documents ({@code orders database}), who owns it and what it holds. */
  public record Store(String name, String deployable, List<Service> services, List<Entity> entities) {
    public Store {
      services = List.copyOf(services);
      entities = List.copyOf(entities);
    }
  }

  /** A synchronous call of {@code services.<from>.calls}. */
  public record CallEdge(Service from, Service to) {
    public String label() {
      return from.name() + " → " + to.name();
    }
  }

  /** An event with the services that publish and consume it. */
  public record EventFlow(Event event, List<Service> publishers, List<Service> consumers) {
    public EventFlow {
      publishers = List.copyOf(publishers);
      consumers = List.copyOf(consumers);
    }
  }

  public static SystemComponents of(Plan plan) {
    Requirements r = plan.requirements();
    boolean monolith = choice(plan, "architecture-style", "modular-monolith").equals("modular-monolith");
    String deployable = r.project().name();
    String databaseChoice = choice(plan, "database", "postgresql");
    List<Store> stores = new ArrayList<>();
    List<Service> withData = r.services().stream().filter(s -> !s.entities().isEmpty()).toList();
    if (monolith && !withData.isEmpty()) {
      stores.add(new Store(deployable + " database", deployable, withData,
          withData.stream().flatMap(s -> r.ownedBy(s).stream()).toList()));
    } else if (!monolith) {
      withData.forEach(s -> stores.add(new Store(s.name() + " database", s.name(), List.of(s), r.ownedBy(s))));
    }
    String caching = choice(plan, "caching", "none");
    String messaging = choice(plan, "messaging", "none");
    List<CallEdge> calls = new ArrayList<>();
    for (Service s : r.services()) {
      s.calls().forEach(c -> calls.add(new CallEdge(s, r.service(c).orElseThrow())));
    }
    List<EventFlow> events = new ArrayList<>();
    for (Event e : r.events()) {
      List<Service> publishers = r.services().stream().filter(s -> s.publishes().contains(e.name())).toList();
      List<Service> consumers = r.services().stream().filter(s -> s.consumes().contains(e.name())).toList();
      if (!publishers.isEmpty() || !consumers.isEmpty()) {
        events.add(new EventFlow(e, publishers, consumers));
      }
    }
    return new SystemComponents(monolith, deployable, r.services(), databaseChoice, Products.database(databaseChoice),
        stores, caching.equals("redis") || caching.equals("cdn-and-redis") ? "Redis" : null,
        caching.equals("cdn-and-redis"), messaging,
        messaging.equals("none") ? null : Products.broker(messaging, r.project().cloud()),
        choice(plan, "api-gateway", "none"),
        choice(plan, "authentication", r.security().authentication().spelling()),
        choice(plan, "deployment", "kubernetes"), r.project().cloud(), calls, events);
  }

  static String choice(Plan plan, String topic, String otherwise) {
    return plan.decision(topic).map(Decision::choice).orElse(otherwise);
  }

  public boolean hasGateway() {
    return !gateway.equals("none");
  }

  public boolean bff() {
    return gateway.equals("gateway-and-bff");
  }

  public boolean hasBroker() {
    return broker != null;
  }

  public boolean hasCache() {
    return cache != null;
  }

  public boolean kubernetes() {
    return deployment.equals("kubernetes");
  }

  public boolean sqlDatabase() {
    return databaseChoice.equals("postgresql") || databaseChoice.equals("mysql") || databaseChoice.equals("distributed-sql");
  }

  public List<Service> publicServices() {
    return services.stream().filter(Service::isPublic).toList();
  }

  /** The deployable a service runs in: its own, or the monolith. */
  public String deployableOf(Service service) {
    return monolith ? deployable : service.name();
  }

  /** The deployables in the order of the requirements. */
  public List<String> deployables() {
    return monolith ? List.of(deployable) : services.stream().map(Service::name).toList();
  }

  public Optional<Store> storeOf(Service service) {
    return databases.stream().filter(d -> d.services().contains(service)).findFirst();
  }

  /** What a service is called in prose: {@code the catalog service} or {@code the catalog module}. */
  public String unit(Service service) {
    return "the " + service.name() + (monolith ? " module" : " service");
  }

  /** How a synchronous call travels: in-process in a monolith, else by the callee's API style. */
  public String protocol(Service callee) {
    if (monolith) {
      return "an in-process call";
    }
    return switch (callee.api()) {
      case REST -> "REST over HTTPS";
      case GRPC -> "gRPC over HTTP/2 with TLS";
      case GRAPHQL -> "GraphQL over HTTPS";
    };
  }
}
