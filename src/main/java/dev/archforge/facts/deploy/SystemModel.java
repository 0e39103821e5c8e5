package dev.archforge.facts.deploy;

import dev.archforge.facts.Products;
import dev.archforge.facts.schema.MessageTables;
import dev.archforge.model.Api;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers of the system and how they talk, as every architecture model states them (the
 * Mermaid C4 container view, the Structurizr workspace, the service catalog): the deployables, a
 * database per deployable's data, the cache and the broker, and the relationships between them
 * with their technology, in a fixed order.
 *
 * @param elements the containers, deployables first
 * @param relations who uses whom: data, cache, synchronous calls, then events
 */
public record SystemModel(List<Element> elements, List<Relation> relations) {
  /** The key of the cache and of the broker; a deployable's key is its name, a database's {@link #databaseKey}. */
  public static final String CACHE = "cache";
  public static final String BROKER = "broker";

  public enum Kind { DEPLOYABLE, DATABASE, CACHE, BROKER }

  /** What a relationship carries. */
  public enum Flow { DATA, CACHE, CALL, PUBLISH, DELIVER, NOTIFY }

  /**
   * One container.
   *
   * @param key unique within the model: a deployable's name, {@code db:<service>}, {@link #CACHE}, {@link #BROKER}
   * @param name the name people read, e.g. {@code orders database}
   * @param technology the product, e.g. {@code PostgreSQL}, {@code java, REST/HTTPS}
   * @param services the services of the requirements it serves or holds the data of
   */
  public record Element(String key, String name, Kind kind, String technology, String description,
      List<String> services) {
    public Element {
      services = List.copyOf(services);
    }
  }

  /**
   * @param service the service of the requirements the relationship starts from (its publisher,
   *     caller or data owner), or for a delivery the consuming service
   * @param items the events carried, or the callee for a call
   */
  public record Relation(String from, String to, String description, String technology, Flow flow, String service,
      List<String> items) {
    public Relation {
      items = List.copyOf(items);
    }
  }

  public SystemModel {
    elements = List.copyOf(elements);
    relations = List.copyOf(relations);
  }

  /** The key of the database holding a service's entities (the one database of a monolith: its name). */
  public static String databaseKey(String owner) {
    return "db:" + owner;
  }

  public List<Element> elements(Kind kind) {
    return elements.stream().filter(e -> e.kind() == kind).toList();
  }

  public static SystemModel of(Plan plan) {
    Requirements r = plan.requirements();
    boolean monolith = Deployables.monolith(plan);
    String project = r.project().name();
    String database = Deployables.choice(plan, "database", "postgresql");
    String messaging = Deployables.choice(plan, "messaging", "none");
    String caching = Deployables.choice(plan, "caching", "none");
    String consistency = Deployables.choice(plan, "consistency", "local-transactions");
    boolean broker = !messaging.equals("none");
    boolean cache = caching.equals("redis") || caching.equals("cdn-and-redis");
    boolean outbox = consistency.equals("outbox") || consistency.equals("saga") || (monolith && !broker);
    String eventTable = new MessageTables(plan).publishing().orElse(null);
    List<Service> withData = r.services().stream().filter(s -> !s.entities().isEmpty()).toList();
    String databaseName = Products.database(database);

    List<Element> elements = new ArrayList<>();
    if (monolith) {
      String language = r.project().team().languages().isEmpty() ? "java"
          : r.project().team().languages().get(0).spelling();
      elements.add(new Element(project, project, Kind.DEPLOYABLE, language + ", modular monolith",
          "Modules: " + String.join(", ", names(r.services())), names(r.services())));
      if (!withData.isEmpty()) {
        elements.add(new Element(databaseKey(project), project + " database", Kind.DATABASE, databaseName,
            "One schema per module: " + String.join(", ", names(withData)), names(withData)));
      }
    } else {
      for (Service s : r.services()) {
        elements.add(new Element(s.name(), s.name(), Kind.DEPLOYABLE, s.language().spelling() + ", "
            + protocol(s.api()), s.description() == null ? "Owns " + (s.entities().isEmpty() ? "no entities"
            : String.join(", ", s.entities())) : s.description(), List.of(s.name())));
      }
      for (Service s : withData) {
        elements.add(new Element(databaseKey(s.name()), s.name() + " database", Kind.DATABASE, databaseName,
            String.join(", ", s.entities()), List.of(s.name())));
      }
    }
    Bff bff = Bff.of(plan).orElse(null);
    if (bff != null) {
      elements.add(new Element(bff.name(), bff.name(), Kind.DEPLOYABLE, bff.language().spelling()
          + ", backend for frontend", "Composes the calls of the web and mobile clients to " + String.join(", ",
          bff.fronts()) + " behind the gateway", List.of()));
    }
    if (cache) {
      elements.add(new Element(CACHE, "Cache", Kind.CACHE, "Redis", "Read-through cache of hot entities",
          names(withData)));
    }
    if (broker) {
      List<String> events = r.events().stream().map(e -> e.name()).toList();
      elements.add(new Element(BROKER, "Event broker", Kind.BROKER, Products.broker(messaging, r.project().cloud()),
          events.isEmpty() ? "No events declared yet" : "Topics: " + String.join(", ", events),
          names(r.services().stream().filter(s -> !s.publishes().isEmpty() || !s.consumes().isEmpty()).toList())));
    }

    List<Relation> relations = new ArrayList<>();
    boolean anyPublishes = r.services().stream().anyMatch(s -> !s.publishes().isEmpty());
    for (Service s : withData) {
      String from = monolith ? project : s.name();
      boolean writesEvents = outbox && (monolith ? anyPublishes : !s.publishes().isEmpty());
      relations.add(new Relation(from, databaseKey(monolith ? project : s.name()), "Reads and writes"
          + (writesEvents ? ", outbox table " + eventTable : ""), databaseProtocol(database), Flow.DATA, s.name(),
          s.entities()));
      if (cache) {
        relations.add(new Relation(from, CACHE, "Reads through", "Redis protocol", Flow.CACHE, s.name(), List.of()));
      }
    }
    if (bff != null) {
      for (String front : bff.fronts()) {
        String technology = monolith ? "HTTPS" : protocol(r.service(front).orElseThrow().api());
        relations.add(new Relation(bff.name(), front, "Calls", technology, Flow.CALL, front, List.of(front)));
      }
    }
    if (!monolith) {
      for (Service s : r.services()) {
        for (String callee : s.calls()) {
          Service target = r.service(callee).orElseThrow();
          relations.add(new Relation(s.name(), callee, "Calls", protocol(target.api()), Flow.CALL, s.name(),
              List.of(callee)));
        }
      }
    }
    events(r, monolith, project, messaging, relations);
    return new SystemModel(elements, dedupe(relations));
  }

  private static void events(Requirements r, boolean monolith, String project, String messaging,
      List<Relation> relations) {
    Cloud cloud = r.project().cloud();
    if (!messaging.equals("none")) {
      String technology = messaging.equals("cloud-pubsub") && cloud == Cloud.ANY ? "the cloud's pub/sub service"
          : Products.broker(messaging, cloud);
      for (Service s : r.services()) {
        if (!s.publishes().isEmpty()) {
          relations.add(new Relation(monolith ? project : s.name(), BROKER, "Publishes", technology, Flow.PUBLISH,
              s.name(), s.publishes()));
        }
      }
      for (Service s : r.services()) {
        if (!s.consumes().isEmpty()) {
          relations.add(new Relation(BROKER, monolith ? project : s.name(), "Delivers", technology, Flow.DELIVER,
              s.name(), s.consumes()));
        }
      }
      return;
    }
    if (monolith) {
      return; // in-process, said in the deployable's description
    }
    for (Service publisher : r.services()) {
      for (Service consumer : r.services()) {
        List<String> shared = publisher.publishes().stream().filter(consumer.consumes()::contains).toList();
        if (!shared.isEmpty() && publisher != consumer) {
          relations.add(new Relation(publisher.name(), consumer.name(), "Notifies",
              "async, outbox relay over HTTPS (no broker chosen)", Flow.NOTIFY, publisher.name(), shared));
        }
      }
    }
  }

  /**
   * One relationship per pair, flow and description: the modules of a monolith share its
   * deployable, so their publications (and deliveries) merge into one, events in order.
   */
  private static List<Relation> dedupe(List<Relation> relations) {
    Map<List<Object>, Relation> merged = new LinkedHashMap<>();
    for (Relation rel : relations) {
      List<Object> key = List.of(rel.from(), rel.to(), rel.flow(), rel.description());
      Relation known = merged.get(key);
      if (known == null) {
        merged.put(key, rel);
      } else {
        List<String> items = new ArrayList<>(known.items());
        rel.items().stream().filter(i -> !items.contains(i)).forEach(items::add);
        merged.put(key, new Relation(known.from(), known.to(), known.description(), known.technology(),
            known.flow(), known.service(), items));
      }
    }
    return List.copyOf(merged.values());
  }

  /** How a caller reaches a service over the network, by its API style. */
  public static String protocol(Api api) {
    return switch (api) {
      case REST -> "REST/HTTPS";
      case GRPC -> "gRPC";
      case GRAPHQL -> "GraphQL/HTTPS";
    };
  }

  public static String databaseProtocol(String database) {
    return switch (database) {
      case "postgresql", "mysql", "distributed-sql" -> "SQL";
      case "mongodb" -> "MongoDB wire protocol";
      case "dynamodb" -> "HTTPS API";
      case "cassandra" -> "CQL";
      default -> database;
    };
  }

  private static List<String> names(List<Service> services) {
    return services.stream().map(Service::name).toList();
  }
}
